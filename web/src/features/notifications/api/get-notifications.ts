import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationKeys } from '@/features/notifications/api/keys';
import { notificationsPageSchema, type NotificationsPage } from '@/features/notifications/types/notification';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export type NotificationsQuery = { cursor: string | null; grouped?: boolean; types?: readonly string[] };

/** My notifications, newest first (by latest_at); grouped as the page shows them. */
export function getNotifications(
  { cursor, grouped = true, types }: NotificationsQuery,
  signal?: AbortSignal,
): Promise<NotificationsPage> {
  const params = new URLSearchParams({ limit: String(NOTIFICATIONS_PAGE_SIZE), grouped: String(grouped) });
  if (cursor) params.set('cursor', cursor);
  if (types && types.length > 0) params.set('types', types.join(','));
  return api.get(`/notifications?${params}`, { schema: notificationsPageSchema, signal });
}

export function getNotificationsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: notificationKeys.list(),
    queryFn: ({ pageParam, signal }) => getNotifications({ cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useNotifications() {
  return useInfiniteQuery(getNotificationsQueryOptions());
}
