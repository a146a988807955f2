import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { useUnreadCount } from '@/features/notifications/api/get-unread-count';
import { useMarkNotificationsRead } from '@/features/notifications/api/mark-read';
import { NotificationList } from '@/features/notifications/components/notification-list';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/notifications/styles/notifications.css';

/** /notifications: everything that happened, newest first; live items arrive at the top. */
export function NotificationsRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('notifications.title'));
  const unread = useUnreadCount();
  const markRead = useMarkNotificationsRead();

  return (
    <section className="page" aria-labelledby="notifications-title">
      <div className="notifications__head">
        <h1 id="notifications-title" className="page__title" data-testid="page-title">
          {t('notifications.title')}
        </h1>
        <div className="notifications__actions">
          {unread > 0 && (
            <Button
              variant="secondary"
              size="sm"
              loading={markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
              data-testid="mark-all-read"
            >
              {t('notifications.mark_all_read')}
            </Button>
          )}
          <Link to="/settings/notifications" className="btn btn--ghost btn--sm" data-testid="notification-settings-link">
            {t('notifications.settings')}
          </Link>
        </div>
      </div>
      <NotificationList />
    </section>
  );
}
