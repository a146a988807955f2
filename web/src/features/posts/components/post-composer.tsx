import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Photo } from '@/components/ui/photo';
import { MAX_POST_PHOTOS, MAX_POST_TEXT, useCreatePost } from '@/features/posts/api/create-post';
import { formatDuration, formatMoney } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import type { Media, Post, Service } from '@/types/api';
import '@/features/posts/styles/posts.css';

export type CategoryGroup = { label: string; options: { id: string; label: string }[] };

/** What the app passes to the uploader it renders (features/media's queue, with purpose "post"). */
export type ComposerUploader = {
  /** How many more photos fit (10 minus those ready). */
  remaining: number;
  /** A photo is uploaded and processed: it joins the post's photos, at the end. */
  onUploaded: (media: Media) => void;
  /** How many photos are still on their way (publishing waits for them). */
  onPendingChange: (pending: number) => void;
};

type PostComposerProps = {
  categories: readonly CategoryGroup[];
  /** The master's own active services, to link one ("book this look"). */
  services: readonly Service[];
  renderUploader: (uploader: ComposerUploader) => ReactNode;
  onPublished: (post: Post) => void;
};

type Focus = { id: string; action: 'left' | 'right' } | null;

/**
 * A master's new post: several photos (each uploading with its own progress), in an order
 * set with ← → (or by dragging), the text, a category and a linked service.
 */
export function PostComposer({ categories, services, renderUploader, onPublished }: PostComposerProps) {
  const { t, lang } = useI18n();
  const [photos, setPhotos] = useState<Media[]>([]);
  const [pending, setPending] = useState(0);
  const [text, setText] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [focus, setFocus] = useState<Focus>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const create = useCreatePost();
  const textId = useId();
  const counterId = useId();

  useEffect(() => {
    // A moved photo keeps the focus on the button that moved it (or its twin at an end).
    if (!focus) return;
    const button = buttons.current.get(`${focus.id}:${focus.action}`);
    const other = buttons.current.get(`${focus.id}:${focus.action === 'left' ? 'right' : 'left'}`);
    (button && !button.disabled ? button : other)?.focus();
    setFocus(null);
  }, [focus]);

  const move = (from: number, to: number) => {
    setPhotos((list) => {
      if (to < 0 || to >= list.length || from === to) return list;
      const next = [...list];
      const [item] = next.splice(from, 1);
      next.splice(to, 0, item!);
      return next;
    });
  };

  const tooLong = text.length > MAX_POST_TEXT;
  const canPublish = photos.length > 0 && pending === 0 && !tooLong;
  const hint = pending > 0 ? t('posts.composer.wait_uploads') : photos.length === 0 ? t('posts.composer.need_photo') : null;

  const submit = () => {
    if (!canPublish) return;
    create.mutate(
      {
        text: text.trim(),
        media_ids: photos.map((p) => p.id),
        ...(categoryId ? { category_id: categoryId } : {}),
        ...(serviceId ? { service_id: serviceId } : {}),
      },
      { onSuccess: (post) => onPublished(post) },
    );
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="post-composer"
    >
      <section className="composer__photos" aria-labelledby={`${textId}-photos`}>
        <h2 id={`${textId}-photos`} className="card__subtitle">
          {t('posts.composer.photos', { n: photos.length, max: MAX_POST_PHOTOS })}
        </h2>
        {photos.length > 0 && (
          <ol className="composer__photo-list" aria-label={t('posts.composer.order')} data-testid="composer-photos">
            {photos.map((photo, index) => {
              const n = index + 1;
              return (
                <li
                  key={photo.id}
                  className={`composer__photo${dragged === photo.id ? ' composer__photo--dragged' : ''}`}
                  draggable
                  onDragStart={(event) => {
                    setDragged(photo.id);
                    event.dataTransfer?.setData('text/plain', photo.id);
                  }}
                  onDragEnd={() => setDragged(null)}
                  onDragOver={(event) => dragged && event.preventDefault()}
                  onDrop={(event) => {
                    event.preventDefault();
                    if (!dragged) return;
                    move(
                      photos.findIndex((p) => p.id === dragged),
                      index,
                    );
                    setDragged(null);
                  }}
                  data-testid="composer-photo"
                  data-media-id={photo.id}
                >
                  <span className="composer__thumb">
                    <Photo photo={photo} alt={t('posts.composer.photo_n', { n })} sizes="120px" />
                    <span className="composer__badge" aria-hidden="true">
                      {n}
                    </span>
                  </span>
                  <span className="composer__photo-actions">
                    <button
                      ref={(el) => void (el ? buttons.current.set(`${photo.id}:left`, el) : buttons.current.delete(`${photo.id}:left`))}
                      type="button"
                      className="composer__icon-button"
                      disabled={index === 0}
                      aria-label={t('posts.composer.move_left', { n })}
                      onClick={() => {
                        move(index, index - 1);
                        setFocus({ id: photo.id, action: 'left' });
                      }}
                      data-testid="composer-move-left"
                    >
                      ←
                    </button>
                    <button
                      ref={(el) => void (el ? buttons.current.set(`${photo.id}:right`, el) : buttons.current.delete(`${photo.id}:right`))}
                      type="button"
                      className="composer__icon-button"
                      disabled={index === photos.length - 1}
                      aria-label={t('posts.composer.move_right', { n })}
                      onClick={() => {
                        move(index, index + 1);
                        setFocus({ id: photo.id, action: 'right' });
                      }}
                      data-testid="composer-move-right"
                    >
                      →
                    </button>
                    <button
                      type="button"
                      className="composer__icon-button composer__icon-button--danger"
                      aria-label={t('posts.composer.remove', { n })}
                      onClick={() => setPhotos((list) => list.filter((p) => p.id !== photo.id))}
                      data-testid="composer-remove"
                    >
                      ×
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {renderUploader({
          remaining: MAX_POST_PHOTOS - photos.length,
          onUploaded: (media) => setPhotos((list) => (list.some((p) => p.id === media.id) ? list : [...list, media])),
          onPendingChange: setPending,
        })}
      </section>

      <div className="field">
        <label className="field__label" htmlFor={textId}>
          {t('posts.text')}
        </label>
        <textarea
          id={textId}
          className="field__input field__textarea"
          rows={5}
          value={text}
          placeholder={t('posts.composer.text_placeholder')}
          aria-describedby={counterId}
          aria-invalid={tooLong || undefined}
          onChange={(event) => setText(event.target.value)}
          data-testid="composer-text"
        />
        <span id={counterId} className={`field__hint composer__counter${tooLong ? ' composer__counter--over' : ''}`} data-testid="composer-counter">
          {t('posts.counter', { n: text.length, max: MAX_POST_TEXT })}
        </span>
      </div>

      <div className="form__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${textId}-category`}>
            {t('posts.composer.category')}
          </label>
          <select id={`${textId}-category`} className="field__input field__select" value={categoryId} onChange={(event) => setCategoryId(event.target.value)} data-testid="composer-category">
            <option value="">{t('posts.composer.no_category')}</option>
            {categories.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${textId}-service`}>
            {t('posts.composer.service')}
          </label>
          <select
            id={`${textId}-service`}
            aria-describedby={`${textId}-service-hint`}
            className="field__input field__select"
            value={serviceId}
            onChange={(event) => {
              const id = event.target.value;
              setServiceId(id);
              // The service's own category is the likely one.
              const service = services.find((s) => s.id === id);
              if (service && !categoryId) setCategoryId(service.category_id);
            }}
            disabled={services.length === 0}
            data-testid="composer-service"
          >
            <option value="">{services.length === 0 ? t('posts.composer.no_services') : t('posts.composer.no_service')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {`${s.name} · ${formatMoney(s.price_minor, s.currency, lang)} · ${formatDuration(s.duration_min, lang)}`}
              </option>
            ))}
          </select>
          <span id={`${textId}-service-hint`} className="field__hint">
            {t('posts.composer.service_hint')}
          </span>
        </div>
      </div>

      {create.isError && <Alert title={problemMessage(create.error, t)} data-testid="composer-error" />}
      <div className="composer__footer">
        {hint && (
          <p className="muted" role="status" data-testid="composer-hint">
            {hint}
          </p>
        )}
        <Button type="submit" block disabled={!canPublish} loading={create.isPending} data-testid="composer-publish">
          {t('posts.composer.publish')}
        </Button>
      </div>
    </form>
  );
}
