import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type {
  Chat,
  ChatsPage,
  Message,
  MessagesState,
  PresenceEvent,
  Watermarks,
} from '@/features/chats/types/chat';
import { chatKeys } from '@/features/chats/api/keys';
import { maxSeq, mergeMessages, minSeq, withMessages } from '@/features/chats/utils/messages';

// Every realtime event and every mutation lands in the query cache through these helpers,
// so the list, the open conversation and the nav badge always agree.

type ChatsData = InfiniteData<ChatsPage, string | null>;

export function chatsInList(queryClient: QueryClient): Chat[] {
  const data = queryClient.getQueryData<ChatsData>(chatKeys.list());
  return data?.pages.flatMap((p) => p.items) ?? [];
}

export function findChat(queryClient: QueryClient, id: string): Chat | undefined {
  return queryClient.getQueryData<Chat>(chatKeys.detail(id)) ?? chatsInList(queryClient).find((c) => c.id === id);
}

/** Applies `fn` to the chat wherever it is cached; false when it is cached nowhere. */
export function patchChat(queryClient: QueryClient, id: string, fn: (chat: Chat) => Chat): boolean {
  let found = false;
  queryClient.setQueryData<Chat>(chatKeys.detail(id), (chat) => {
    if (!chat) return chat;
    found = true;
    return fn(chat);
  });
  queryClient.setQueryData<ChatsData>(chatKeys.list(), (data) => {
    if (!data) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((chat) => {
          if (chat.id !== id) return chat;
          found = true;
          return fn(chat);
        }),
      })),
    };
  });
  return found;
}

/** Stores a chat from the server (chat:updated, create, fetch) in the detail and the list. */
export function upsertChat(queryClient: QueryClient, chat: Chat): void {
  queryClient.setQueryData(chatKeys.detail(chat.id), chat);
  queryClient.setQueryData<ChatsData>(chatKeys.list(), (data) => {
    if (!data) return data;
    const known = data.pages.some((p) => p.items.some((c) => c.id === chat.id));
    if (known) {
      return {
        ...data,
        pages: data.pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === chat.id ? chat : c)) })),
      };
    }
    const [first, ...rest] = data.pages;
    if (!first) return data;
    return { ...data, pages: [{ ...first, items: [chat, ...first.items] }, ...rest] };
  });
}

/** Most recent activity first; the order the server uses. */
export function sortChats(chats: readonly Chat[]): Chat[] {
  return [...chats].sort((a, b) => (a.last_activity_at < b.last_activity_at ? 1 : a.last_activity_at > b.last_activity_at ? -1 : 0));
}

/** The cached conversation: page 0 is the live one (latest + arrivals + outgoing), then older pages. */
export type MessagesData = InfiniteData<MessagesState, number | null>;

/** One view of all pages: every message ascending by seq, whether older exist, the outgoing ones. */
export function flattenMessages(pages: readonly MessagesState[]): MessagesState {
  const [live, ...older] = pages;
  if (!live) return { items: [], hasOlder: false, pending: [] };
  let items = live.items;
  for (const page of older) items = mergeMessages(items, page.items);
  return { items, hasOlder: pages[pages.length - 1]!.hasOlder, pending: live.pending };
}

/**
 * Applies `fn` to the conversation's view and writes the result back: messages of an older
 * page's seq range stay on that page (so refetches keep their page boundaries), the rest
 * go to the live page.
 */
export function updateMessages(
  queryClient: QueryClient,
  chatId: string,
  fn: (state: MessagesState) => MessagesState,
): void {
  queryClient.setQueryData<MessagesData>(chatKeys.messages(chatId), (data) => {
    if (!data || data.pages.length === 0) return data;
    const next = fn(flattenMessages(data.pages));
    const onOlder = new Set<number>();
    const older = data.pages.slice(1).map((page) => {
      const low = minSeq(page.items);
      const high = maxSeq(page.items);
      const items = low === null ? [] : next.items.filter((m) => m.seq >= low && m.seq <= high);
      for (const m of items) onOlder.add(m.seq);
      return { ...page, items };
    });
    const live = { ...data.pages[0]!, items: next.items.filter((m) => !onOlder.has(m.seq)), pending: next.pending };
    return { ...data, pages: [live, ...older] };
  });
}

/**
 * A message that was stored (message:new, a send ack, a REST answer): into the conversation,
 * and into the chat's preview, order and unread count. Returns false when the chat is unknown.
 */
export function applyMessage(queryClient: QueryClient, message: Message, meId: string | undefined): boolean {
  updateMessages(queryClient, message.chat_id, (state) => withMessages(state, [message]));
  return patchChat(queryClient, message.chat_id, (chat) => {
    if (message.seq <= chat.last_seq) {
      // Already counted; only refresh the preview if it is this message (an edit).
      return chat.last_message?.id === message.id ? { ...chat, last_message: message } : chat;
    }
    const mine = message.sender_id === meId;
    return {
      ...chat,
      last_message: message,
      last_seq: message.seq,
      last_activity_at: message.created_at > chat.last_activity_at ? message.created_at : chat.last_activity_at,
      unread_count: mine ? chat.unread_count : chat.unread_count + 1,
      // My own message is read and delivered by definition.
      read_seq: mine ? Math.max(chat.read_seq, message.seq) : chat.read_seq,
      delivered_seq: mine ? Math.max(chat.delivered_seq, message.seq) : chat.delivered_seq,
    };
  });
}

/** An edit or delete (message:updated, PATCH/DELETE answers). */
export function applyMessageUpdate(queryClient: QueryClient, message: Message): void {
  updateMessages(queryClient, message.chat_id, (state) => withMessages(state, [message]));
  patchChat(queryClient, message.chat_id, (chat) =>
    chat.last_message?.id === message.id ? { ...chat, last_message: message } : chat,
  );
}

/** Someone's delivered/read watermarks moved: mine (another tab) or another participant's. */
export function applyWatermarks(queryClient: QueryClient, w: Watermarks, meId: string | undefined): void {
  patchChat(queryClient, w.chat_id, (chat) => {
    if (w.user_id === meId) {
      const read_seq = Math.max(chat.read_seq, w.read_seq);
      return {
        ...chat,
        read_seq,
        delivered_seq: Math.max(chat.delivered_seq, w.delivered_seq),
        unread_count: read_seq >= chat.last_seq ? 0 : chat.unread_count,
      };
    }
    return {
      ...chat,
      participants: chat.participants.map((p) =>
        p.user_id === w.user_id
          ? {
              ...p,
              delivered_seq: Math.max(p.delivered_seq ?? 0, w.delivered_seq),
              read_seq: Math.max(p.read_seq ?? 0, w.read_seq),
            }
          : p,
      ),
    };
  });
}

/** I read up to `seq` in this tab. */
export function markReadLocally(queryClient: QueryClient, chatId: string, seq: number): void {
  patchChat(queryClient, chatId, (chat) => {
    const read_seq = Math.max(chat.read_seq, seq);
    return {
      ...chat,
      read_seq,
      delivered_seq: Math.max(chat.delivered_seq, seq),
      unread_count: read_seq >= chat.last_seq ? 0 : chat.unread_count,
    };
  });
}

export function applyPresence(queryClient: QueryClient, presence: PresenceEvent): void {
  const update = (chat: Chat): Chat =>
    chat.participants.some((p) => p.user_id === presence.user_id)
      ? {
          ...chat,
          participants: chat.participants.map((p) =>
            p.user_id === presence.user_id
              ? { ...p, online: presence.online, last_seen_at: presence.last_seen_at ?? p.last_seen_at }
              : p,
          ),
        }
      : chat;
  const ids = new Set<string>(chatsInList(queryClient).map((c) => c.id));
  for (const [key] of queryClient.getQueriesData<Chat>({ queryKey: chatKeys.details() })) {
    const id = key[2];
    if (typeof id === 'string') ids.add(id);
  }
  for (const id of ids) patchChat(queryClient, id, update);
}
