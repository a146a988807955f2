import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/i18n';
import { MESSAGE_MAX_LENGTH, type MessageDraft } from '@/features/chats/types/chat';
import '@/features/chats/styles/chats.css';

type Props = {
  onSend: (draft: MessageDraft) => void;
  /** Called on every keystroke (typing indicator). */
  onInput: () => void;
  /** Called when a message goes out (stops the typing indicator). */
  onStopTyping: () => void;
  disabled?: boolean;
};

/** The send box: Enter sends, Shift+Enter starts a new line; at most MESSAGE_MAX_LENGTH characters. */
export function Composer({ onSend, onInput, onStopTyping, disabled = false }: Props) {
  const { t } = useI18n();
  const id = useId();
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
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <div className="composer">
      <form
        className="composer__form"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
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
