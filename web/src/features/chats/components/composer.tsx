import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/i18n';
import { imageFiles, MAX_ATTACHMENTS, type PhotoAttachments } from '@/features/chats/hooks/use-photo-attachments';
import { MESSAGE_MAX_LENGTH, type MessageDraft } from '@/features/chats/types/chat';
import { CHAT_PHOTO_ACCEPT, type ChatPhotoUpload } from '@/features/chats/types/photo-upload';
import type { Media } from '@/types/api';
import '@/features/chats/styles/chats.css';

type Props = {
  onSend: (draft: MessageDraft) => void;
  /** Called on every keystroke (typing indicator). */
  onInput: () => void;
  /** Called when a message goes out (stops the typing indicator). */
  onStopTyping: () => void;
  /** The photos picked, dropped or pasted, waiting for their upload. */
  photos: PhotoAttachments;
  /** Uploads one of them (app/ passes features/media's). */
  PhotoUpload: ChatPhotoUpload;
  disabled?: boolean;
};

/**
 * The send box: Enter sends, Shift+Enter starts a new line; at most MESSAGE_MAX_LENGTH
 * characters. Photos come from the attach button, a paste into the text box or a drop on the
 * conversation; each shows its upload here and is sent as its own message once it is ready.
 */
export function Composer({ onSend, onInput, onStopTyping, photos, PhotoUpload, disabled = false }: Props) {
  const { t } = useI18n();
  const id = useId();
  const fileId = useId();
  const [text, setText] = useState('');
  const length = text.length;
  const content = text.trim();
  const canSend = !disabled && content.length > 0 && length <= MESSAGE_MAX_LENGTH;

  const send = () => {
    if (!canSend) return;
    onStopTyping();
    onSend({ type: 'text', content });
    setText('');
  };
  const sendPhoto = (media: Media) => onSend({ type: 'image', media });
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = imageFiles(event.clipboardData?.files);
    // Plain text is left to the text box.
    if (files.length === 0) return;
    event.preventDefault();
    photos.add(files);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <div className="composer">
      {photos.items.length > 0 && (
        <ul className="composer__uploads" aria-label={t('chats.photos_label')} data-testid="composer-uploads">
          {photos.items.map((item) => (
            <PhotoUpload key={item.key} file={item.file} onUploaded={sendPhoto} onDone={photos.remover(item.key)} />
          ))}
        </ul>
      )}
      {photos.skipped > 0 && (
        <p className="composer__note muted" role="status" data-testid="composer-photos-skipped">
          {t('chats.photos_skipped', { max: MAX_ATTACHMENTS })}
        </p>
      )}
      <form
        className="composer__form"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        {/* The label is the button; the input stays focusable (visually hidden) for the keyboard. */}
        <input
          id={fileId}
          className="composer__file"
          type="file"
          accept={CHAT_PHOTO_ACCEPT}
          multiple
          disabled={disabled}
          onChange={(event) => {
            photos.add(Array.from(event.target.files ?? []));
            // Choosing the same file again must fire `change` again.
            event.target.value = '';
          }}
          data-testid="attach-photo"
        />
        <label htmlFor={fileId} className={`icon-btn composer__attach${disabled ? ' is-disabled' : ''}`} title={t('chats.attach_photo')}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path
              fill="currentColor"
              d="M5 4h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm0 2v9.6l3.3-3.3a1 1 0 0 1 1.4 0l2.8 2.8 1.8-1.8a1 1 0 0 1 1.4 0L19 16.6V6H5zm10 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z"
            />
          </svg>
          <span className="visually-hidden">{t('chats.attach_photo')}</span>
        </label>
        <div className="composer__field">
          <label className="visually-hidden" htmlFor={id}>
            {t('chats.composer_label')}
          </label>
          <textarea
            id={id}
            className="field__input composer__input"
            rows={1}
            value={text}
            maxLength={MESSAGE_MAX_LENGTH}
            placeholder={t('chats.composer_placeholder')}
            aria-describedby={`${id}-hint ${id}-counter`}
            disabled={disabled}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value) onInput();
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            data-testid="composer-input"
          />
          <span className="composer__meta">
            <span id={`${id}-hint`} className="composer__hint">
              {t('chats.composer_hint')}
            </span>
            <span
              id={`${id}-counter`}
              className={`composer__counter${length > MESSAGE_MAX_LENGTH * 0.9 ? ' composer__counter--near' : ''}`}
              data-testid="composer-counter"
            >
              <span aria-hidden="true">
                {length} / {MESSAGE_MAX_LENGTH}
              </span>
              <span className="visually-hidden">{t('chats.counter', { count: length, max: MESSAGE_MAX_LENGTH })}</span>
            </span>
          </span>
        </div>
        <Button type="submit" className="composer__send" disabled={!canSend} aria-label={t('chats.send')} data-testid="send-button">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
          </svg>
        </Button>
      </form>
    </div>
  );
}
