import { useCallback, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { useMarkNotificationsRead } from '@/features/notifications/api/mark-read';
import { ActorAvatars } from '@/features/notifications/components/actor-avatars';
import { useNotificationToasts, type NotificationToast } from '@/features/notifications/hooks/use-notification-toasts';
import { notificationHref } from '@/features/notifications/utils/notification-target';
import { notificationDetail, notificationTitle } from '@/features/notifications/utils/notification-text';
import '@/features/notifications/styles/notifications.css';

export const NOTIFICATION_TOAST_MS = 6_000;

function ToastItem({ toast, onDismiss }: { toast: NotificationToast; onDismiss: (key: number) => void }) {
  const { t, lang } = useI18n();
  const markRead = useMarkNotificationsRead();
  const timer = useRef<number | undefined>(undefined);
  const dismissLatest = useRef(onDismiss);
  dismissLatest.current = onDismiss;
  const { item, key } = toast;

  // Hovering or focusing the toast holds its timer; leaving starts it again.
  const start = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => dismissLatest.current(key), NOTIFICATION_TOAST_MS);
  }, [key]);
  const hold = useCallback(() => window.clearTimeout(timer.current), []);
  useEffect(() => {
    start();
    return hold;
  }, [start, hold]);

  const href = notificationHref(item);
  const title = notificationTitle(item, t);
  const detail = notificationDetail(item, t, lang);
  const content = (
    <>
      <ActorAvatars actors={item.actors} />
      <span className="notification-toast__body">
        <span className="notification-toast__title">{title}</span>
        {detail && <span className="notification-toast__text">{detail}</span>}
      </span>
    </>
  );
  return (
    <div
      className="notification-toast"
      role="status"
      data-testid="notification-toast"
      onMouseEnter={hold}
      onMouseLeave={start}
      onFocus={hold}
      onBlur={start}
    >
      {href ? (
        <Link
          to={href}
          className="notification-toast__link"
          onClick={() => {
            markRead.mutate({ ids: [item.id] });
            onDismiss(key);
          }}
        >
          {content}
        </Link>
      ) : (
        <span className="notification-toast__link">{content}</span>
      )}
      <button type="button" className="toast__close" aria-label={t('common.close')} onClick={() => onDismiss(key)}>
        ×
      </button>
    </div>
  );
}

/** Pops up live notifications (at most three, each for about six seconds) while `enabled`. */
export function NotificationToaster({ enabled }: { enabled: boolean }) {
  const { t } = useI18n();
  const { toasts, dismiss } = useNotificationToasts(enabled);
  return (
    <section className="notification-toaster" aria-label={t('notifications.toasts_label')} aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.key} toast={toast} onDismiss={dismiss} />
      ))}
    </section>
  );
}
