import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useBlockUser } from '@/features/chats/api/block-user';
import { ChatAvatar } from '@/features/chats/components/chat-avatar';
import type { Chat } from '@/features/chats/types/chat';
import { formatPresence } from '@/features/chats/utils/chat-format';
import { chatTitle, otherParticipant } from '@/features/chats/utils/messages';
import '@/features/chats/styles/chats.css';

/** Who I am talking to, their presence (direct chats) or who is typing, and "block". */
export function ConversationHeader({ chat, meId, typing }: { chat: Chat; meId: string; typing: string | null }) {
  const { t, lang } = useI18n();
  const other = otherParticipant(chat, meId);
  const title = chatTitle(chat, meId);
  const block = useBlockUser();
  const [confirming, setConfirming] = useState(false);
  // The API has no "is blocked" flag yet: this reflects what was done in this session.
  const [blocked, setBlocked] = useState(false);

  const subtitle =
    typing ??
    (other
      ? formatPresence(other.online, other.last_seen_at, lang)
      : t('chats.participants', { count: chat.participants.length }));

  const toggleBlock = () => {
    if (!other) return;
    const next = !blocked;
    block.mutate(
      { userId: other.user_id, blocked: next },
      {
        onSuccess: () => {
          setBlocked(next);
          setConfirming(false);
          toast.success(next ? t('chats.blocked') : t('chats.unblocked'));
        },
        onError: (error) => toast.error(problemMessage(error, t)),
      },
    );
  };

  return (
    <header className="conversation__header">
      <Link to="/chats" className="icon-btn conversation__back" aria-label={t('chats.back')} title={t('chats.back')}>
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path fill="currentColor" d="M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12z" />
        </svg>
      </Link>
      <ChatAvatar name={title} src={other?.avatar_url ?? null} online={other?.online ?? false} />
      <div className="conversation__who">
        <h2 className="conversation__title" data-testid="conversation-title">
          {other ? (
            <Link to={`/users/${encodeURIComponent(other.user_id)}`} className="conversation__profile-link" data-testid="conversation-profile-link">
              {title}
            </Link>
          ) : (
            title
          )}
        </h2>
        <p
          className={`conversation__subtitle${typing ? ' conversation__subtitle--typing' : ''}`}
          data-testid={typing ? 'typing-indicator' : 'presence'}
          aria-live="polite"
        >
          {subtitle}
        </p>
      </div>
      {other && !confirming && (
        <Button variant="ghost" size="sm" onClick={() => (blocked ? toggleBlock() : setConfirming(true))} loading={block.isPending}>
          {blocked ? t('chats.unblock') : t('chats.block')}
        </Button>
      )}
      {other && confirming && (
        <div className="conversation__confirm" role="group" aria-label={t('chats.block_confirm', { name: title })}>
          <span>{t('chats.block_confirm', { name: title })}</span>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            {t('chats.cancel')}
          </Button>
          <Button variant="danger" size="sm" loading={block.isPending} onClick={toggleBlock}>
            {t('chats.block')}
          </Button>
        </div>
      )}
    </header>
  );
}
