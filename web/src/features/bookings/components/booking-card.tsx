import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { BookingStatusBadge } from '@/features/bookings/components/booking-status';
import { formatDateTime, formatDuration, formatMoney } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { Booking } from '@/types/api';
import '@/features/bookings/styles/bookings.css';

type Props = {
  booking: Booking;
  /** Whose list this is: a client sees the master, a master sees the client. */
  perspective: 'client' | 'master';
  /** The zone to show times in (the master's); the booking's own or the browser's otherwise. */
  timeZone?: string | undefined;
  children?: ReactNode;
};

export function bookingDurationMin(booking: Booking): number {
  return Math.round((Date.parse(booking.end_at) - Date.parse(booking.start_at)) / 60_000);
}

export function BookingCard({ booking, perspective, timeZone, children }: Props) {
  const { t, lang } = useI18n();
  const zone = timeZone ?? booking.master.timezone;
  return (
    <article className="booking-card tile" data-testid="booking-card" data-booking-id={booking.id}>
      <div className="booking-card__head">
        <p className="booking-card__when" data-testid="booking-when">
          <time dateTime={booking.start_at}>{formatDateTime(booking.start_at, lang, zone)}</time>
        </p>
        <BookingStatusBadge status={booking.status} />
      </div>
      <p className="booking-card__service" data-testid="booking-service">
        {booking.service.name}
      </p>
      <p className="booking-card__who">
        {perspective === 'client' ? (
          <Link to={`/masters/${booking.master.id}`} data-testid="booking-master">
            {booking.master.display_name}
          </Link>
        ) : (
          <span data-testid="booking-client">{t('bookings.client_named', { name: booking.client.name })}</span>
        )}
      </p>
      <p className="booking-card__meta muted">
        {formatMoney(booking.price_minor, booking.currency, lang)} · {formatDuration(bookingDurationMin(booking), lang)}
      </p>
      {booking.comment && (
        <p className="booking-card__comment" data-testid="booking-comment">
          <span className="muted">{t('bookings.comment')}: </span>
          {booking.comment}
        </p>
      )}
      {booking.status === 'cancelled' && booking.cancel_reason && (
        <p className="booking-card__comment" data-testid="booking-cancel-reason">
          <span className="muted">{t('bookings.cancel_reason')}: </span>
          {booking.cancel_reason}
        </p>
      )}
      {children}
    </article>
  );
}
