import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtimeEvent } from '@/lib/realtime';
import { notificationSchema, type Notification } from '@/features/notifications/types/notification';

export const MAX_NOTIFICATION_TOASTS = 3;

export type NotificationToast = { key: number; item: Notification };

/**
 * The live notifications to pop up while the app is open: the newest three, one per item
 * (a group that grew replaces its earlier toast). Nothing is collected while `enabled` is
 * false (the notifications page shows them in its list instead).
 */
export function useNotificationToasts(enabled: boolean) {
  const [toasts, setToasts] = useState<NotificationToast[]>([]);
  const nextKey = useRef(1);

  useRealtimeEvent('notification:new', (payload) => {
    if (!enabled) return;
    const parsed = notificationSchema.safeParse(payload);
    if (!parsed.success || parsed.data.read) return;
    const item = parsed.data;
    const key = nextKey.current++;
    setToasts((current) => [...current.filter((t) => t.item.id !== item.id), { key, item }].slice(-MAX_NOTIFICATION_TOASTS));
  });

  // Toasts hidden on the notifications page do not pop up again after leaving it.
  useEffect(() => {
    if (!enabled) setToasts([]);
  }, [enabled]);

  const dismiss = useCallback((key: number) => setToasts((current) => current.filter((t) => t.key !== key)), []);
  return { toasts, dismiss };
}
