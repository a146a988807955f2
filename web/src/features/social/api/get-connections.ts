import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { socialKeys } from '@/features/social/api/keys';
import { userCardsPageSchema, type ConnectionKind, type UserCardsPage } from '@/features/social/types/social';

export const CONNECTIONS_PAGE_SIZE = 20;

/** GET /users/{id}/followers, /following or /friends: cursor pages of user cards. */
export function getConnections(kind: ConnectionKind, userId: string, cursor: string | null, signal?: AbortSignal): Promise<UserCardsPage> {
  const params = new URLSearchParams({ limit: String(CONNECTIONS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/users/${encodeURIComponent(userId)}/${kind}?${params}`, { schema: userCardsPageSchema, signal });
}

export function getConnectionsQueryOptions(kind: ConnectionKind, userId: string) {
  return infiniteQueryOptions({
    queryKey: socialKeys.list(kind, userId),
    queryFn: ({ pageParam, signal }) => getConnections(kind, userId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useConnections(kind: ConnectionKind, userId: string) {
  return useInfiniteQuery({ ...getConnectionsQueryOptions(kind, userId), enabled: userId !== '' });
}
