import { NavLink } from 'react-router';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { ShowMoreButton } from '@/components/ui/show-more-button';
import { PageSpinner } from '@/components/ui/spinner';
import { useI18n, type Translate } from '@/lib/i18n';
import { useChats } from '@/features/chats/api/get-chats';
import { ChatAvatar } from '@/features/chats/components/chat-avatar';
import { typingText } from '@/features/chats/utils/typing-text';
import { useTypingUsers } from '@/features/chats/hooks/use-typing';
import type { Chat } from '@/features/chats/types/chat';
import { sortChats } from '@/features/chats/utils/chat-cache';
import { formatListTime } from '@/features/chats/utils/chat-format';
import { chatTitle, otherParticipant } from '@/features/chats/utils/messages';
import '@/features/chats/styles/chats.css';

function preview(chat: Chat, meId: string | undefined, t: Translate): string {
  const m = chat.last_message;
  if (!m) return t('chats.no_messages');
  const text = m.deleted ? t('chats.deleted') : m.type === 'image' ? t('chats.preview_image') : m.content;
  if (m.sender_id === meId) return `${t('chats.you')}: ${text}`;
  if (chat.kind === 'group') {
    const author = chat.participants.find((p) => p.user_id === m.sender_id)?.display_name;
    if (author) return `${author}: ${text}`;
  }
  return text;
}

function ChatListItem({ chat, meId }: { chat: Chat; meId: string | undefined }) {
  const { t, lang } = useI18n();
  const typing = useTypingUsers(chat.id);
  const other = otherParticipant(chat, meId);
  const title = chatTitle(chat, meId);
  const typingLine = typingText(chat, typing, t);
  return (
    <li>
      <NavLink to={`/chats/${chat.id}`} className="chat-item" data-testid="chat-item" data-chat-id={chat.id}>
        <ChatAvatar name={title} src={other?.avatar_url ?? null} online={other?.online ?? false} />
        <span className="chat-item__body">
          <span className="chat-item__row">
            <span className="chat-item__name" data-testid="chat-name">
              {title}
            </span>
            <time className="chat-item__time muted" dateTime={chat.last_activity_at}>
              {formatListTime(chat.last_message?.created_at ?? chat.last_activity_at, lang)}
            </time>
          </span>
          <span className="chat-item__row">
            <span
              className={`chat-item__preview${typingLine ? ' chat-item__preview--typing' : ''}`}
              data-testid="chat-preview"
            >
              {typingLine ?? preview(chat, meId, t)}
            </span>
            {chat.unread_count > 0 && (
              <span className="unread-badge" data-testid="unread-badge" aria-label={t('chats.unread', { count: chat.unread_count })}>
                {chat.unread_count > 99 ? '99+' : chat.unread_count}
              </span>
            )}
          </span>
        </span>
      </NavLink>
    </li>
  );
}

/** My conversations, most recent first. */
export function ChatList({ meId }: { meId: string | undefined }) {
  const { t } = useI18n();
  const chats = useChats();

  if (chats.isPending) return <PageSpinner label={t('common.loading')} />;
  if (chats.isError) return <QueryErrorAlert query={chats} />;
  const items = sortChats(chats.data.pages.flatMap((p) => p.items));
  if (items.length === 0) {
    return (
      <p className="empty muted" data-testid="chats-empty">
        {t('chats.empty')}
      </p>
    );
  }
  return (
    <>
      <ul className="chat-list" aria-label={t('chats.list_label')} data-testid="chat-list">
        {items.map((chat) => (
          <ChatListItem key={chat.id} chat={chat} meId={meId} />
        ))}
      </ul>
      <ShowMoreButton query={chats} />
    </>
  );
}
