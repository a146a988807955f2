import { useRef } from 'react';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { ShowMoreButton } from '@/components/ui/show-more-button';
import { PageSpinner } from '@/components/ui/spinner';
import { useI18n } from '@/lib/i18n';
import { useNotifications } from '@/features/notifications/api/get-notifications';
import { flattenNotifications } from '@/features/notifications/api/keys';
import { useMarkNotificationsRead } from '@/features/notifications/api/mark-read';
import { NotificationItem } from '@/features/notifications/components/notification-item';
import { useLoadMoreOnSight } from '@/lib/use-load-more-on-sight';
import { useMinuteClock } from '@/features/notifications/hooks/use-minute-clock';
import type { Notification } from '@/features/notifications/types/notification';
import '@/features/notifications/styles/notifications.css';

/** My notifications, newest first, loading more as the end comes into sight. */
export function NotificationList() {
  const { t } = useI18n();
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const now = useMinuteClock();
  const sentinel = useRef<HTMLDivElement>(null);
  useLoadMoreOnSight(sentinel, notifications);

  if (notifications.isPending) return <PageSpinner label={t('common.loading')} />;
  if (notifications.isError && !notifications.data) {
    return <QueryErrorAlert query={notifications} data-testid="notifications-error" />;
  }
  const items = flattenNotifications(notifications.data);
  if (items.length === 0) {
    return (
      <p className="empty muted" data-testid="notifications-empty">
        {t('notifications.empty')}
      </p>
    );
  }

  const open = (item: Notification) => {
    if (!item.read) markRead.mutate({ ids: [item.id] });
  };

  return (
    <>
      <ul className="notification-list" aria-label={t('notifications.list_label')} data-testid="notification-list">
        {items.map((item) => (
          <NotificationItem key={item.id} item={item} now={now} onOpen={open} />
        ))}
      </ul>
      <div ref={sentinel} className="notification-list__sentinel" aria-hidden="true" />
      {notifications.isFetchNextPageError ? (
        <QueryErrorAlert query={{ error: notifications.error, refetch: () => notifications.fetchNextPage() }} />
      ) : (
        <ShowMoreButton query={notifications} data-testid="notifications-more" />
      )}
      {!notifications.hasNextPage && items.length > 10 && <p className="muted notification-list__end">{t('notifications.end')}</p>}
    </>
  );
}
