import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { ActorAvatars } from '@/features/notifications/components/actor-avatars';
import type { Notification } from '@/features/notifications/types/notification';
import { notificationHref } from '@/features/notifications/utils/notification-target';
import { notificationDetail, notificationRating, notificationTitle } from '@/features/notifications/utils/notification-text';
import '@/features/notifications/styles/notifications.css';

type Props = {
  item: Notification;
  now: Date;
  /** Called when the item is opened (before the navigation): marks it read. */
  onOpen: (item: Notification) => void;
};

/** One row of the list: who, what, when; unread ones stand out. Opens its target. */
export function NotificationItem({ item, now, onOpen }: Props) {
  const { t, lang } = useI18n();
  const href = notificationHref(item);
  const detail = notificationDetail(item, t, lang);
  const rating = notificationRating(item);
  const className = `notification${item.read ? '' : ' notification--unread'}`;
  const body: ReactNode = (
    <>
      <ActorAvatars actors={item.actors} />
      <span className="notification__body">
        <span className="notification__title" data-testid="notification-title">
          {notificationTitle(item, t)}
        </span>
        {rating !== null && (
          <span className="notification__stars" aria-label={t('notifications.stars', { n: rating })} role="img">
            {'★'.repeat(Math.round(rating))}
            <span className="notification__stars-off">{'★'.repeat(Math.max(0, 5 - Math.round(rating)))}</span>
          </span>
        )}
        {detail && (
          <span className="notification__detail" data-testid="notification-detail">
            {detail}
          </span>
        )}
        <time className="notification__time" dateTime={item.latest_at} title={formatDateTime(item.latest_at, lang)}>
          {formatRelativeTime(item.latest_at, lang, now)}
        </time>
      </span>
      {!item.read && (
        <span className="notification__dot" data-testid="notification-unread">
          <span className="visually-hidden">{t('notifications.unread')}</span>
        </span>
      )}
    </>
  );
  return (
    <li>
      {href ? (
        <Link to={href} className={className} data-testid="notification" data-notification-id={item.id} onClick={() => onOpen(item)}>
          {body}
        </Link>
      ) : (
        <button type="button" className={className} data-testid="notification" data-notification-id={item.id} onClick={() => onOpen(item)}>
          {body}
        </button>
      )}
    </li>
  );
}
