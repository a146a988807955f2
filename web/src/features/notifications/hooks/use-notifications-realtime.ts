import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeConnected, useRealtimeEvent } from '@/lib/realtime';
import {
  insertNotification,
  invalidateNotifications,
  notificationKeys,
  setUnreadCount,
} from '@/features/notifications/api/keys';
import { notificationSchema, unreadCountSchema } from '@/features/notifications/types/notification';

/**
 * Feeds the notification caches from the socket; mounted once for the signed-in app.
 * `notification:new` carries the item as the grouped list shows it (a grown group keeps its
 * id and moves to the top); `notification:unread` the badge's count.
 */
export function useNotificationsRealtime(): void {
  const queryClient = useQueryClient();

  useRealtimeEvent('notification:new', (payload) => {
    const parsed = notificationSchema.safeParse(payload);
    if (parsed.success) insertNotification(queryClient, parsed.data);
    else invalidateNotifications(queryClient);
  });

  useRealtimeEvent('notification:unread', (payload) => {
    const parsed = unreadCountSchema.safeParse(payload);
    if (!parsed.success) return;
    // The event is news: a count already on its way must not overwrite it (a cancelled
    // fetch puts back the data it started from, so set the count after that).
    const { count } = parsed.data;
    void queryClient
      .cancelQueries({ queryKey: notificationKeys.unreadCount() })
      .then(() => setUnreadCount(queryClient, count));
  });

  // Whatever arrived while the socket was down. The first connect refetches nothing that
  // is fresh: invalidating an unused query only marks it stale.
  useRealtimeConnected(() => invalidateNotifications(queryClient));
}
