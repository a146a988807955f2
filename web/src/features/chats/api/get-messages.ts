import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messagesPageSchema, type MessagesPage, type MessagesState } from '@/features/chats/types/chat';
import { chatKeys } from '@/features/chats/api/keys';
import { updateMessages } from '@/features/chats/utils/chat-cache';
import { emptyMessagesState, maxSeq, mergeMessages, minSeq, withMessages } from '@/features/chats/utils/messages';

export const MESSAGES_PAGE_SIZE = 50;
/** A catch-up longer than this many pages starts afresh from the latest page. */
const MAX_CATCH_UP_PAGES = 10;

export type MessagesQuery = { before_seq?: number; after_seq?: number; limit?: number };

/** A page of messages, ascending by seq: the latest, older than `before_seq` or newer than `after_seq`. */
export function getMessages(chatId: string, query: MessagesQuery = {}, signal?: AbortSignal): Promise<MessagesPage> {
  const params = new URLSearchParams({ limit: String(query.limit ?? MESSAGES_PAGE_SIZE) });
  if (query.before_seq !== undefined) params.set('before_seq', String(query.before_seq));
  if (query.after_seq !== undefined) params.set('after_seq', String(query.after_seq));
  return api.get(`/chats/${encodeURIComponent(chatId)}/messages?${params}`, { schema: messagesPageSchema, signal });
}

/**
 * The first fetch loads the latest page; every later fetch (a reconnect, reopening the chat)
 * is a catch-up with `after_seq` = the highest seq held, merged by seq into what is cached,
 * so messages that also arrived over the socket are neither duplicated nor lost.
 */
async function fetchMessages(queryClient: QueryClient, chatId: string, signal: AbortSignal): Promise<MessagesState> {
  const key = chatKeys.messages(chatId);
  const cached = queryClient.getQueryData<MessagesState>(key);
  if (!cached) {
    const page = await getMessages(chatId, {}, signal);
    const now = queryClient.getQueryData<MessagesState>(key) ?? emptyMessagesState();
    return { ...withMessages(now, page.items), hasOlder: page.has_more };
  }

  let after = maxSeq(cached.items);
  let fetched: MessagesPage['items'] = [];
  for (let i = 0; i < MAX_CATCH_UP_PAGES; i += 1) {
    const page = await getMessages(chatId, { after_seq: after, limit: 100 }, signal);
    fetched = mergeMessages(fetched, page.items);
    if (!page.has_more || page.items.length === 0) {
      const now = queryClient.getQueryData<MessagesState>(key) ?? cached;
      return withMessages(now, fetched);
    }
    after = maxSeq(page.items);
  }
  // Too far behind: keep what is being sent, start again from the latest page.
  const page = await getMessages(chatId, {}, signal);
  const now = queryClient.getQueryData<MessagesState>(key) ?? cached;
  return withMessages({ items: [], hasOlder: page.has_more, pending: now.pending }, page.items);
}

export function getMessagesQueryOptions(queryClient: QueryClient, chatId: string) {
  return queryOptions({
    queryKey: chatKeys.messages(chatId),
    queryFn: ({ signal }) => fetchMessages(queryClient, chatId, signal),
    // Each refetch is a cheap catch-up; opening a conversation always catches up.
    staleTime: 0,
  });
}

export function useMessages(chatId: string) {
  const queryClient = useQueryClient();
  return useQuery(getMessagesQueryOptions(queryClient, chatId));
}

/** Loads the page before the oldest message held. */
export function useOlderMessages(chatId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const state = queryClient.getQueryData<MessagesState>(chatKeys.messages(chatId));
      const oldest = state ? minSeq(state.items) : null;
      if (oldest === null || !state?.hasOlder) return null;
      return getMessages(chatId, { before_seq: oldest });
    },
    onSuccess: (page) => {
      if (!page) return;
      updateMessages(queryClient, chatId, (state) => ({ ...withMessages(state, page.items), hasOlder: page.has_more }));
    },
  });
}
