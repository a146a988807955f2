import { useI18n, type MessageKey } from '@/lib/i18n';
import type { BookingStatus } from '@/types/api';

const LABELS: Record<BookingStatus, MessageKey> = {
  pending: 'bookings.status.pending',
  confirmed: 'bookings.status.confirmed',
  cancelled: 'bookings.status.cancelled',
  completed: 'bookings.status.completed',
  no_show: 'bookings.status.no_show',
};

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--status-${status}`} data-testid="booking-status" data-status={status}>
      {t(LABELS[status])}
    </span>
  );
}
