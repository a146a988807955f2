import { infiniteQueryOptions, useInfiniteQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { chatKeys } from '@/features/chats/api/keys';
import { messagesPageSchema, type Message, type MessagesPage, type MessagesState } from '@/features/chats/types/chat';
import { flattenMessages, updateMessages, type MessagesData } from '@/features/chats/utils/chat-cache';
import { maxSeq, mergeMessages, minSeq, withMessages } from '@/features/chats/utils/messages';

export const MESSAGES_PAGE_SIZE = 50;
/** A catch-up longer than this many pages starts afresh from the latest page. */
const MAX_CATCH_UP_PAGES = 10;
/** Reading held messages again covers at most this many pages of 100. */
const MAX_RELOAD_PAGES = 10;

export type MessagesQuery = { before_seq?: number; after_seq?: number; limit?: number };

/** A page of messages, ascending by seq: the latest, older than `before_seq` or newer than `after_seq`. */
export function getMessages(chatId: string, query: MessagesQuery = {}, signal?: AbortSignal): Promise<MessagesPage> {
  const params = new URLSearchParams({ limit: String(query.limit ?? MESSAGES_PAGE_SIZE) });
  if (query.before_seq !== undefined) params.set('before_seq', String(query.before_seq));
  if (query.after_seq !== undefined) params.set('after_seq', String(query.after_seq));
  return api.get(`/chats/${encodeURIComponent(chatId)}/messages?${params}`, { schema: messagesPageSchema, signal });
}

/**
 * The first page: the latest messages, and afterwards everything that arrives (socket,
 * sends) and the outgoing ones. Its first fetch loads the latest page; every later fetch
 * (a reconnect, reopening the chat) is a catch-up with `after_seq` = the highest seq held,
 * merged by seq into what is cached, so messages that also arrived over the socket are
 * neither duplicated nor lost.
 */
async function fetchLatest(queryClient: QueryClient, chatId: string, signal: AbortSignal): Promise<MessagesState> {
  const key = chatKeys.messages(chatId);
  const current = () => queryClient.getQueryData<MessagesData>(key)?.pages[0];
  const cached = current();
  if (!cached) {
    const page = await getMessages(chatId, {}, signal);
    const now = current() ?? { items: [], hasOlder: false, pending: [] };
    return { ...withMessages(now, page.items), hasOlder: page.has_more };
  }

  let after = maxSeq(cached.items);
  let fetched: MessagesPage['items'] = [];
  for (let i = 0; i < MAX_CATCH_UP_PAGES; i += 1) {
    const page = await getMessages(chatId, { after_seq: after, limit: 100 }, signal);
    fetched = mergeMessages(fetched, page.items);
    if (!page.has_more || page.items.length === 0) return withMessages(current() ?? cached, fetched);
    after = maxSeq(page.items);
  }
  // Too far behind: keep what is being sent, start again from the latest page.
  const page = await getMessages(chatId, {}, signal);
  const now = current() ?? cached;
  return withMessages({ items: [], hasOlder: page.has_more, pending: now.pending }, page.items);
}

/** An older page, before `beforeSeq`. A refetch reuses the one held: history does not change. */
async function fetchOlder(
  queryClient: QueryClient,
  chatId: string,
  beforeSeq: number,
  signal: AbortSignal,
): Promise<MessagesState> {
  const cached = queryClient.getQueryData<MessagesData>(chatKeys.messages(chatId));
  const at = cached ? cached.pageParams.indexOf(beforeSeq) : -1;
  if (cached && at > 0) return cached.pages[at]!;
  const page = await getMessages(chatId, { before_seq: beforeSeq }, signal);
  return { items: page.items, hasOlder: page.has_more, pending: [] };
}

export function getMessagesQueryOptions(queryClient: QueryClient, chatId: string) {
  return infiniteQueryOptions({
    queryKey: chatKeys.messages(chatId),
    queryFn: ({ pageParam, signal }) =>
      pageParam === null ? fetchLatest(queryClient, chatId, signal) : fetchOlder(queryClient, chatId, pageParam, signal),
    initialPageParam: null as number | null,
    // Older than everything held, while the server says there is more.
    getNextPageParam: (last, pages) => (last.hasOlder ? (minSeq(flattenMessages(pages).items) ?? undefined) : undefined),
    select: (data) => flattenMessages(data.pages),
    // Each refetch is a cheap catch-up; opening a conversation always catches up.
    staleTime: 0,
  });
}

/** The conversation's messages as one state; `fetchNextPage` loads the page before the oldest held. */
export function useMessages(chatId: string) {
  const queryClient = useQueryClient();
  return useInfiniteQuery(getMessagesQueryOptions(queryClient, chatId));
}

/**
 * Reads the messages held in the cache again and puts the fresh copies in: chat photo links
 * are signed for 15 minutes and every read mints new ones. A refetch of the query would not
 * do, as it only catches up after the highest seq held. With more than MAX_RELOAD_PAGES pages
 * held, it reads those from a little before `aroundSeq` (the photo that failed) on.
 */
export async function reloadMessages(queryClient: QueryClient, chatId: string, aroundSeq?: number): Promise<void> {
  const data = queryClient.getQueryData<MessagesData>(chatKeys.messages(chatId));
  const held = data ? flattenMessages(data.pages).items : [];
  const low = minSeq(held);
  if (low === null) return;
  const high = maxSeq(held);
  const span = MAX_RELOAD_PAGES * 100;
  const target = Math.min(aroundSeq ?? high, high);
  const start = high - low < span ? low : Math.min(Math.max(low, target - span / 2), high - span + 1);
  let after = start - 1;
  let fresh: Message[] = [];
  for (let i = 0; i < MAX_RELOAD_PAGES; i += 1) {
    const page = await getMessages(chatId, { after_seq: after, limit: 100 });
    fresh = mergeMessages(fresh, page.items);
    if (!page.has_more || page.items.length === 0 || maxSeq(page.items) >= high) break;
    after = maxSeq(page.items);
  }
  // Merged by seq: each copy replaces the one held, an edit or a delete since is kept.
  updateMessages(queryClient, chatId, (state) => withMessages(state, fresh));
}
