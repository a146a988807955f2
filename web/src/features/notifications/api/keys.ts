import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Notification, NotificationsPage } from '@/features/notifications/types/notification';

// The notifications feature's query keys and cache functions. Socket events and mutations
// land in the cache through these, so the bell, the page and the toasts agree.

export type NotificationsData = InfiniteData<NotificationsPage, string | null>;

export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => ['notifications', 'list'] as const,
  /** The grouped list the page shows (the socket sends items as this list shows them). */
  list: () => ['notifications', 'list', 'grouped'] as const,
  unreadCount: () => ['notifications', 'unread-count'] as const,
  preferences: () => ['notifications', 'preferences'] as const,
};

export function setUnreadCount(queryClient: QueryClient, count: number): void {
  queryClient.setQueryData(notificationKeys.unreadCount(), { count });
}

export function invalidateUnreadCount(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: notificationKeys.unreadCount() }, { cancelRefetch: false });
}

/** After a reconnect: whatever arrived while the socket was down. */
export function invalidateNotifications(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() }, { cancelRefetch: false });
  invalidateUnreadCount(queryClient);
}

/**
 * Puts a live item at the top of the loaded list. An item with the same id (a group that
 * grew) is taken out of whichever page held it, so it is never shown twice. Nothing happens
 * when the list was never loaded: it will be fetched fresh.
 */
export function insertNotification(queryClient: QueryClient, item: Notification): void {
  queryClient.setQueryData<NotificationsData>(notificationKeys.list(), (data) => {
    if (!data || data.pages.length === 0) return data;
    const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((n) => n.id !== item.id) }));
    const [first, ...rest] = pages;
    return { ...data, pages: [{ ...first!, items: [item, ...first!.items] }, ...rest] };
  });
}

/** Marks loaded items read (`ids`, or every one); returns how many were unread. */
export function markReadInCache(queryClient: QueryClient, ids: readonly string[] | 'all'): number {
  let changed = 0;
  const hit = (n: Notification) => ids === 'all' || ids.includes(n.id);
  queryClient.setQueryData<NotificationsData>(notificationKeys.list(), (data) => {
    if (!data) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((n) => {
          if (n.read || !hit(n)) return n;
          changed += 1;
          return { ...n, read: true };
        }),
      })),
    };
  });
  return changed;
}

/** Every loaded item once, newest first: a page fetched after a live insert may repeat one. */
export function flattenNotifications(data: { pages: readonly NotificationsPage[] } | undefined): Notification[] {
  const seen = new Set<string>();
  const out: Notification[] = [];
  for (const page of data?.pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}
