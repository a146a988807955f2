import { NavLink } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { useUnreadCount } from '@/features/notifications/api/get-unread-count';
import { badgeText } from '@/features/notifications/utils/badge';
import '@/features/notifications/styles/notifications.css';

const BELL =
  'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z';

/** The header's bell: a link to the notifications with the live unread count. */
export function NotificationBell() {
  const { t } = useI18n();
  const unread = useUnreadCount();
  return (
    <NavLink
      to="/notifications"
      className="bell"
      data-testid="notification-bell"
      aria-label={unread > 0 ? t('notifications.bell_unread', { count: unread }) : t('notifications.bell')}
    >
      <svg className="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path d={BELL} fill="currentColor" />
      </svg>
      {unread > 0 && (
        <span className="bell__badge" data-testid="notification-badge" aria-hidden="true">
          {badgeText(unread)}
        </span>
      )}
    </NavLink>
  );
}
