import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useSession } from '@/lib/auth';
import { socialKeys } from '@/features/social/api/keys';
import { friendRequestsPageSchema, type FriendRequestsPage, type RequestDirection } from '@/features/social/types/social';

export const REQUESTS_PAGE_SIZE = 20;
/** The badge counts up to this many; more shows "99+". */
const BADGE_LIMIT = 100;

/** GET /friends/requests?direction=incoming|outgoing: pending requests, newest first. */
export function getFriendRequests(
  { direction, cursor = null, limit = REQUESTS_PAGE_SIZE }: { direction: RequestDirection; cursor?: string | null; limit?: number },
  signal?: AbortSignal,
): Promise<FriendRequestsPage> {
  const params = new URLSearchParams({ direction, limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/friends/requests?${params}`, { schema: friendRequestsPageSchema, signal });
}

export function getFriendRequestsQueryOptions(direction: RequestDirection) {
  return infiniteQueryOptions({
    queryKey: socialKeys.requestList(direction),
    queryFn: ({ pageParam, signal }) => getFriendRequests({ direction, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useFriendRequests(direction: RequestDirection) {
  return useInfiniteQuery(getFriendRequestsQueryOptions(direction));
}

export function getIncomingCountQueryOptions() {
  return queryOptions({
    queryKey: socialKeys.incomingCount(),
    queryFn: async ({ signal }) => {
      const page = await getFriendRequests({ direction: 'incoming', limit: BADGE_LIMIT }, signal);
      return page.next_cursor ? BADGE_LIMIT : page.items.length;
    },
    // Kept current by `notification:new` (friend_request) and refetched after a reconnect;
    // the poll only catches what a dropped event missed.
    refetchInterval: 5 * 60_000,
  });
}

/** How many friend requests wait for my answer (for a badge). */
export function useIncomingRequestsCount(): number {
  const signedIn = useSession() !== null;
  return useQuery({ ...getIncomingCountQueryOptions(), enabled: signedIn }).data ?? 0;
}
