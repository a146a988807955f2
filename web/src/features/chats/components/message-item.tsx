import { useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useDeleteMessage } from '@/features/chats/api/delete-message';
import { useEditMessage } from '@/features/chats/api/edit-message';
import { MessagePhoto, PhotoGone } from '@/features/chats/components/message-photo';
import { MessageTicks, type TickState } from '@/features/chats/components/message-ticks';
import { MESSAGE_MAX_LENGTH, type Message, type OutgoingMessage } from '@/features/chats/types/chat';
import { formatClock } from '@/features/chats/utils/chat-format';
import { legacyImageUrl } from '@/features/chats/utils/messages';
import '@/features/chats/styles/chats.css';

type BodyProps = {
  message: Pick<Message, 'type' | 'content' | 'media' | 'media_deleted'>;
  author: string;
  onPhotoFailed?: (() => void) | undefined;
};

function Body({ message, author, onPhotoFailed }: BodyProps) {
  const { t } = useI18n();
  if (message.type === 'image') {
    if (message.media_deleted) return <PhotoGone deleted />;
    if (message.media) return <MessagePhoto media={message.media} author={author} onLoadFailed={onPhotoFailed} />;
    // From before photos were uploaded: the message holds the image's URL.
    const url = legacyImageUrl(message.content);
    if (url) {
      return (
        <a className="msg__image-link" href={url} target="_blank" rel="noopener noreferrer">
          <img className="msg__image" src={url} alt={t('chats.image_alt', { name: author })} loading="lazy" />
        </a>
      );
    }
    return <PhotoGone deleted={false} />;
  }
  return <p className="msg__text">{message.content}</p>;
}

type StoredProps = {
  message: Message;
  own: boolean;
  author: string;
  /** Show the author's name (group chats). */
  showAuthor: boolean;
  receipt: TickState;
  /** Its photo did not load (expired links): fetch the messages again. */
  onPhotoFailed?: () => void;
};

/** A stored message; my own ones can be edited and deleted (a photo only deleted). */
export function MessageItem({ message, own, author, showAuthor, receipt, onPhotoFailed }: StoredProps) {
  const { t, lang } = useI18n();
  const edit = useEditMessage();
  const remove = useDeleteMessage();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [draft, setDraft] = useState(message.content);

  const save = () => {
    const content = draft.trim();
    if (!content || content === message.content) {
      setMode('view');
      return;
    }
    edit.mutate(
      { message, content },
      { onSuccess: () => setMode('view'), onError: (error) => toast.error(problemMessage(error, t)) },
    );
  };
  const onEditKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') setMode('view');
    else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  const canChange = own && !message.deleted;
  return (
    <li
      className={`msg${own ? ' msg--own' : ''}`}
      data-testid="message"
      data-seq={message.seq}
      data-own={own || undefined}
    >
      <div className="msg__bubble">
        {showAuthor && !own && <span className="msg__author">{author}</span>}
        {message.deleted ? (
          <p className="msg__text msg__text--deleted">{t('chats.deleted')}</p>
        ) : mode === 'edit' ? (
          <div className="msg__edit">
            <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
              {t('chats.edit_label')}
            </label>
            <textarea
              id={`edit-${message.id}`}
              className="field__input msg__edit-input"
              value={draft}
              maxLength={MESSAGE_MAX_LENGTH}
              rows={2}
              autoFocus
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onEditKey}
            />
            <div className="msg__edit-actions">
              <Button size="sm" variant="ghost" onClick={() => setMode('view')}>
                {t('chats.cancel')}
              </Button>
              <Button size="sm" loading={edit.isPending} onClick={save}>
                {t('chats.save')}
              </Button>
            </div>
          </div>
        ) : (
          <Body message={message} author={author} onPhotoFailed={onPhotoFailed} />
        )}
        <span className="msg__meta">
          {message.edited_at && !message.deleted && <span className="msg__edited">{t('chats.edited')}</span>}
          <time dateTime={message.created_at}>{formatClock(message.created_at, lang)}</time>
          {own && !message.deleted && <MessageTicks state={receipt} />}
        </span>
      </div>
      {canChange && mode === 'view' && (
        <div className="msg__actions">
          {message.type !== 'image' && (
            <button
              type="button"
              className="msg__action"
              onClick={() => {
                setDraft(message.content);
                setMode('edit');
              }}
            >
              {t('chats.edit')}
            </button>
          )}
          <button type="button" className="msg__action" onClick={() => setMode('confirm-delete')}>
            {t('chats.delete')}
          </button>
        </div>
      )}
      {canChange && mode === 'confirm-delete' && (
        <div className="msg__confirm" role="group" aria-label={t('chats.delete_confirm')}>
          <span>{t('chats.delete_confirm')}</span>
          <Button size="sm" variant="ghost" onClick={() => setMode('view')}>
            {t('chats.cancel')}
          </Button>
          <Button
            size="sm"
            variant="danger"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(message, {
                onSuccess: () => setMode('view'),
                onError: (error) => toast.error(problemMessage(error, t)),
              })
            }
          >
            {t('chats.delete')}
          </Button>
        </div>
      )}
    </li>
  );
}

type PendingProps = {
  message: OutgoingMessage;
  author: string;
  onRetry: (message: OutgoingMessage) => void;
  onDiscard: (message: OutgoingMessage) => void;
};

/** A message of mine that is not stored yet: "sending", or "not sent" with retry. */
export function PendingMessageItem({ message, author, onRetry, onDiscard }: PendingProps) {
  const { t, lang } = useI18n();
  return (
    <li
      className={`msg msg--own msg--${message.status}`}
      data-testid="message"
      data-pending={message.status}
      data-own
    >
      <div className="msg__bubble">
        <Body
          message={
            message.type === 'image'
              ? { type: 'image', content: '', media: message.media, media_deleted: false }
              : { type: 'text', content: message.content, media: null, media_deleted: false }
          }
          author={author}
        />
        <span className="msg__meta">
          <time dateTime={message.created_at}>{formatClock(message.created_at, lang)}</time>
          <MessageTicks state={message.status} />
        </span>
      </div>
      {message.status === 'failed' && (
        <div className="msg__failed" role="alert">
          <span>
            {t('chats.status_failed')}
            {message.error ? `: ${message.error}` : ''}
          </span>
          <button type="button" className="msg__action" onClick={() => onRetry(message)}>
            {t('chats.retry')}
          </button>
          <button type="button" className="msg__action" onClick={() => onDiscard(message)}>
            {t('chats.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
