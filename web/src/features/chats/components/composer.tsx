import { useId, useState, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import { MESSAGE_MAX_LENGTH, type MessageType } from '@/features/chats/types/chat';
import { isWebUrl } from '@/features/chats/utils/messages';
import '@/features/chats/styles/chats.css';

type Props = {
  onSend: (type: MessageType, content: string) => void;
  /** Called on every keystroke (typing indicator). */
  onInput: () => void;
  /** Called when a message goes out (stops the typing indicator). */
  onStopTyping: () => void;
  disabled?: boolean;
};

const imageUrlSchema = z.object({ url: z.string().trim().refine(isWebUrl, 'chats.image_url_invalid') });

function ImageUrlForm({ onSend, onClose }: { onSend: (url: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: imageUrlSchema,
    defaults: { url: '' },
    onSubmit: ({ url }) => {
      onSend(url);
      onClose();
    },
  });
  return (
    <form {...form.formProps} className="composer__image" data-testid="image-form">
      <TextField
        label={t('chats.image_url')}
        type="url"
        inputMode="url"
        placeholder="https://"
        autoFocus
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
        {...form.register('url')}
      />
      <div className="composer__image-actions">
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t('chats.cancel')}
        </Button>
        <Button type="submit" size="sm">
          {t('chats.send_image')}
        </Button>
      </div>
    </form>
  );
}

/** The send box: Enter sends, Shift+Enter starts a new line; at most MESSAGE_MAX_LENGTH characters. */
export function Composer({ onSend, onInput, onStopTyping, disabled = false }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [imageOpen, setImageOpen] = useState(false);
  const length = text.length;
  const content = text.trim();
  const canSend = !disabled && content.length > 0 && length <= MESSAGE_MAX_LENGTH;

  const send = () => {
    if (!canSend) return;
    onStopTyping();
    onSend('text', content);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <div className="composer">
      {imageOpen && (
        <ImageUrlForm
          onSend={(url) => {
            onStopTyping();
            onSend('image', url);
          }}
          onClose={() => setImageOpen(false)}
        />
      )}
      <form
        className="composer__form"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <button
          type="button"
          className="icon-btn composer__attach"
          aria-label={t('chats.attach_image')}
          title={t('chats.attach_image')}
          aria-expanded={imageOpen}
          disabled={disabled}
          onClick={() => setImageOpen((open) => !open)}
          data-testid="attach-image"
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path
              fill="currentColor"
              d="M5 4h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm0 2v9.6l3.3-3.3a1 1 0 0 1 1.4 0l2.8 2.8 1.8-1.8a1 1 0 0 1 1.4 0L19 16.6V6H5zm10 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z"
            />
          </svg>
        </button>
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
