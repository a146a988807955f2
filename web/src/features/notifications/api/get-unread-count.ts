import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useSession } from '@/lib/auth';
import { notificationKeys } from '@/features/notifications/api/keys';
import { unreadCountSchema, type UnreadCount } from '@/features/notifications/types/notification';

/** How many items of the grouped list are unread. */
export function getUnreadCount(signal?: AbortSignal): Promise<UnreadCount> {
  return api.get('/notifications/unread_count', { schema: unreadCountSchema, signal });
}

export function getUnreadCountQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => getUnreadCount(signal),
    // Kept current by `notification:unread`; refetched after a reconnect.
    staleTime: Infinity,
  });
}

export function useUnreadCount(): number {
  const signedIn = useSession() !== null;
  return useQuery({ ...getUnreadCountQueryOptions(), enabled: signedIn }).data?.count ?? 0;
}
