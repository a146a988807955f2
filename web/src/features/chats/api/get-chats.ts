import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { chatsPageSchema, type ChatsPage } from '@/features/chats/types/chat';
import { chatKeys } from '@/features/chats/api/keys';

export const CHATS_PAGE_SIZE = 30;

/** My chats, most recent activity first. */
export function getChats(cursor: string | null, signal?: AbortSignal): Promise<ChatsPage> {
  const params = new URLSearchParams({ limit: String(CHATS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/chats?${params}`, { schema: chatsPageSchema, signal });
}

export function getChatsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: chatKeys.list(),
    queryFn: ({ pageParam, signal }) => getChats(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useChats({ enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...getChatsQueryOptions(), enabled });
}
