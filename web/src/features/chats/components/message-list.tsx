import { Fragment, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/i18n';
import { MessageItem, PendingMessageItem } from '@/features/chats/components/message-item';
import type { Chat, MessagesState, OutgoingMessage } from '@/features/chats/types/chat';
import { formatDayLabel } from '@/features/chats/utils/chat-format';
import { groupByDay, localDay, receiptOf } from '@/features/chats/utils/messages';
import '@/features/chats/styles/chats.css';

/** Within this many pixels of the end counts as "at the bottom". */
const BOTTOM_SLACK_PX = 80;
/** Start loading older messages this close to the top. */
const TOP_SLACK_PX = 120;

type Props = {
  chat: Chat;
  meId: string;
  state: MessagesState;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onRetry: (message: OutgoingMessage) => void;
  onDiscard: (message: OutgoingMessage) => void;
  /** The photo of message `seq` did not load (its signed links expire): fetch fresh ones. */
  onPhotoFailed?: (seq: number) => void;
};

/**
 * The conversation, grouped by day. Scrolling near the top loads older messages and keeps
 * the view where it was; new messages scroll into view only when the reader is at the bottom
 * (or sent them), otherwise a "new messages" button appears.
 */
export function MessageList({ chat, meId, state, loadingOlder, onLoadOlder, onRetry, onDiscard, onPhotoFailed }: Props) {
  const { t, lang } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const previous = useRef<{ first: number | null; last: string; height: number } | null>(null);
  const [newBelow, setNewBelow] = useState(false);

  const { items, pending, hasOlder } = state;
  const firstSeq = items[0]?.seq ?? null;
  const lastItem = items[items.length - 1];
  const lastPending = pending[pending.length - 1];
  // Changes whenever something is appended at the end.
  const lastKey = `${lastItem?.seq ?? 0}:${lastPending?.client_msg_id ?? ''}:${pending.length}`;
  const lastIsMine = lastPending !== undefined || lastItem?.sender_id === meId;

  const toBottom = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setNewBelow(false);
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    if (!before) {
      toBottom();
    } else {
      if (before.first !== null && firstSeq !== null && firstSeq < before.first) {
        // Older messages were put above: keep the same messages under the reader's eyes.
        el.scrollTop += el.scrollHeight - before.height;
      }
      if (before.last !== lastKey) {
        if (atBottom.current || lastIsMine) toBottom();
        else setNewBelow(true);
      }
    }
    previous.current = { first: firstSeq, last: lastKey, height: el.scrollHeight };
    // Not enough messages to scroll: fetch more so the reader can reach them.
    if (hasOlder && !loadingOlder && el.clientHeight > 0 && el.scrollHeight <= el.clientHeight) onLoadOlder();
  }, [firstSeq, lastKey, lastIsMine, hasOlder, loadingOlder, onLoadOlder, toBottom]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
    if (atBottom.current) setNewBelow(false);
    if (el.scrollTop <= TOP_SLACK_PX && hasOlder && !loadingOlder) onLoadOlder();
  };

  const names = new Map(chat.participants.map((p) => [p.user_id, p.display_name]));
  const myName = names.get(meId) ?? t('chats.you');
  const groups = groupByDay(items);
  const todayPending = pending.length > 0 ? localDay(new Date().toISOString()) : null;

  return (
    <div className="conversation__scroll-wrap">
      <div
        ref={scroller}
        className="conversation__scroll"
        role="log"
        aria-label={t('chats.history')}
        tabIndex={0}
        onScroll={onScroll}
        data-testid="message-list"
      >
        {hasOlder && (
          <div className="conversation__older">
            <Button variant="ghost" size="sm" loading={loadingOlder} onClick={() => onLoadOlder()}>
              {t('chats.load_older')}
            </Button>
          </div>
        )}
        {items.length === 0 && pending.length === 0 && <p className="empty muted">{t('chats.start')}</p>}
        <ol className="msg-list">
          {groups.map((group) => (
            <Fragment key={group.day}>
              <li className="msg-day" data-testid="day-separator">
                <span>{formatDayLabel(group.day, lang)}</span>
              </li>
              {group.items.map((m) => {
                const own = m.sender_id === meId;
                return (
                  <MessageItem
                    key={m.id}
                    message={m}
                    own={own}
                    author={names.get(m.sender_id) ?? ''}
                    showAuthor={chat.kind === 'group'}
                    receipt={own ? receiptOf(m.seq, chat.participants, meId) : 'sent'}
                    onPhotoFailed={onPhotoFailed && (() => onPhotoFailed(m.seq))}
                  />
                );
              })}
            </Fragment>
          ))}
          {todayPending && groups[groups.length - 1]?.day !== todayPending && (
            <li className="msg-day">
              <span>{formatDayLabel(todayPending, lang)}</span>
            </li>
          )}
          {pending.map((p) => (
            <PendingMessageItem key={p.client_msg_id} message={p} author={myName} onRetry={onRetry} onDiscard={onDiscard} />
          ))}
        </ol>
      </div>
      {newBelow && (
        <button type="button" className="conversation__jump" onClick={toBottom}>
          {t('chats.jump_to_new')} ↓
        </button>
      )}
    </div>
  );
}
