import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { chatSchema, type Chat } from '@/features/chats/types/chat';
import { chatKeys } from '@/features/chats/api/keys';
import { chatsInList } from '@/features/chats/utils/chat-cache';

export function getChat(id: string, signal?: AbortSignal): Promise<Chat> {
  return api.get(`/chats/${encodeURIComponent(id)}`, { schema: chatSchema, signal });
}

export function getChatQueryOptions(queryClient: QueryClient, id: string) {
  return queryOptions<Chat>({
    queryKey: chatKeys.detail(id),
    queryFn: ({ signal }) => getChat(id, signal),
    // Shown at once from the list; fetched in the background for fresh presence.
    placeholderData: (): Chat | undefined => chatsInList(queryClient).find((c) => c.id === id),
  });
}

export function useChat(id: string) {
  const queryClient = useQueryClient();
  return useQuery(getChatQueryOptions(queryClient, id));
}
