import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Photo } from '@/components/ui/photo';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toaster';
import { useDeletePortfolioItem } from '@/features/portfolio/api/delete-portfolio-item';
import { MAX_PORTFOLIO_ITEMS, usePortfolio, type PortfolioItem } from '@/features/portfolio/api/get-portfolio';
import { useMovePortfolioItem, useUpdatePortfolioItem } from '@/features/portfolio/api/update-portfolio-item';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import '@/features/portfolio/styles/portfolio.css';

type ItemProps = {
  item: PortfolioItem;
  index: number;
  items: PortfolioItem[];
  masterId: string;
};

function EditorItem({ item, index, items, masterId }: ItemProps) {
  const { t } = useI18n();
  const [caption, setCaption] = useState(item.caption);
  const [savedCaption, setSavedCaption] = useState(item.caption);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdatePortfolioItem(masterId);
  const move = useMovePortfolioItem(masterId);
  const remove = useDeletePortfolioItem(masterId);
  if (item.caption !== savedCaption) {
    // Changed on the server (a refetch): follow it unless the master is typing.
    setSavedCaption(item.caption);
    if (caption === savedCaption) setCaption(item.caption);
  }
  const number = index + 1;
  const label = item.caption || t('portfolio.photo_n', { n: number });
  const moveTo = (to: number) => {
    const target = items[to];
    if (target) move.mutate({ item, to, position: target.position }, { onError: (error) => toast.error(problemMessage(error, t)) });
  };
  const dirty = caption.trim() !== item.caption;

  return (
    <li className="portfolio-editor__item" data-testid="portfolio-item" data-item-id={item.id}>
      <div className="portfolio-editor__thumb">
        <Photo photo={item.media} alt={label} sizes="96px" />
      </div>
      <div className="portfolio-editor__body">
        <form
          className="portfolio-editor__caption"
          onSubmit={(event) => {
            event.preventDefault();
            if (!dirty) return;
            update.mutate(
              { id: item.id, patch: { caption: caption.trim() } },
              {
                onSuccess: (saved) => {
                  setCaption(saved.caption);
                  setSavedCaption(saved.caption);
                  toast.success(t('portfolio.caption_saved'));
                },
                onError: (error) => toast.error(problemMessage(error, t)),
              },
            );
          }}
        >
          <label className="visually-hidden-label" htmlFor={`caption-${item.id}`}>
            {t('portfolio.caption_for', { n: number })}
          </label>
          <input
            id={`caption-${item.id}`}
            className="field__input"
            value={caption}
            placeholder={t('portfolio.caption_placeholder')}
            onChange={(event) => setCaption(event.target.value)}
            data-testid="portfolio-caption"
          />
          <Button type="submit" size="sm" variant="secondary" disabled={!dirty} loading={update.isPending} data-testid="portfolio-caption-save">
            {t('portfolio.caption_save')}
          </Button>
        </form>
        <div className="portfolio-editor__actions">
          <Button
            size="sm"
            variant="ghost"
            disabled={index === 0}
            aria-label={t('portfolio.move_up', { n: number })}
            onClick={() => moveTo(index - 1)}
            data-testid="portfolio-move-up"
          >
            ↑
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={index === items.length - 1}
            aria-label={t('portfolio.move_down', { n: number })}
            onClick={() => moveTo(index + 1)}
            data-testid="portfolio-move-down"
          >
            ↓
          </Button>
          {!confirming ? (
            <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={t('portfolio.delete_n', { n: number })} data-testid="portfolio-delete">
              {t('portfolio.delete')}
            </Button>
          ) : (
            <div className="portfolio-editor__confirm" role="group" aria-label={t('portfolio.delete_confirm')}>
              <span>{t('portfolio.delete_confirm')}</span>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                {t('portfolio.cancel')}
              </Button>
              <Button
                size="sm"
                variant="danger"
                loading={remove.isPending}
                onClick={() => remove.mutate(item.id, { onError: (error) => toast.error(problemMessage(error, t)) })}
                data-testid="portfolio-delete-confirm"
              >
                {t('portfolio.delete')}
              </Button>
            </div>
          )}
        </div>
      </div>
    </li>
  );
}

/** The master's own photos: captions, order (up/down) and deletion with a confirmation. */
export function PortfolioEditor({ masterId }: { masterId: string }) {
  const { t } = useI18n();
  const portfolio = usePortfolio(masterId);
  if (portfolio.isPending) return <Spinner label={t('common.loading')} />;
  if (portfolio.isError) return <QueryErrorAlert query={portfolio} />;
  const { items } = portfolio.data;
  return (
    <div className="portfolio-editor">
      <p className="muted" data-testid="portfolio-count">
        {t('portfolio.count', { n: items.length, max: MAX_PORTFOLIO_ITEMS })}
      </p>
      {items.length === 0 ? (
        <p className="muted" data-testid="portfolio-empty">
          {t('portfolio.empty_own')}
        </p>
      ) : (
        <ol className="portfolio-editor__list" aria-label={t('portfolio.title')}>
          {items.map((item, index) => (
            <EditorItem key={item.id} item={item} index={index} items={items} masterId={masterId} />
          ))}
        </ol>
      )}
    </div>
  );
}
