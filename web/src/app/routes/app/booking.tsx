import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { RetryButton } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { useBooking } from '@/features/bookings/api/get-booking';
import { BookingCard } from '@/features/bookings/components/booking-card';
import { MasterBookingActions } from '@/features/bookings/components/master-booking-actions';
import { ClientBookingItem } from '@/app/routes/app/client-booking-item';
import { useMaster } from '@/features/masters/api/get-master';
import type { Booking } from '@/types/api';
import { isApiProblem } from '@/lib/api-client';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/bookings/styles/bookings.css';

/** The master's view of one booking, in their own zone. */
function MasterBookingItem({ booking }: { booking: Booking }) {
  const master = useMaster(booking.master.id, null);
  const timeZone = booking.master.timezone ?? master.data?.timezone;
  return (
    <BookingCard booking={booking} perspective="master" timeZone={timeZone}>
      <MasterBookingActions booking={booking} timeZone={timeZone} />
    </BookingCard>
  );
}

export function BookingRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('bookings.booking_title'));
  const { id = '' } = useParams();
  const location = useLocation();
  // ?review=1: the review form open at once (from a "how was your visit?" notification).
  const [params] = useSearchParams();
  const justBooked = (location.state as { justBooked?: boolean } | null)?.justBooked === true;
  const booking = useBooking(id);
  const me = useUser();

  if (booking.isPending) return <PageSpinner label={t('common.loading')} />;
  if (booking.isError) {
    const missing = isApiProblem(booking.error) && booking.error.status === 404;
    return (
      <Alert
        title={missing ? t('bookings.not_found') : problemMessage(booking.error, t)}
        action={
          missing ? undefined : (
            <RetryButton onRetry={() => void booking.refetch()} />
          )
        }
      />
    );
  }
  const b = booking.data;
  const asClient = me.data ? me.data.id === b.client.id : true;

  return (
    <section className="page" aria-labelledby="booking-title">
      <h1 id="booking-title" className="page__title" data-testid="page-title">
        {t('bookings.booking_title')}
      </h1>
      {justBooked && (
        <Alert tone="success" title={t('bookings.booked')} data-testid="booked">
          {b.status === 'confirmed' ? t('bookings.booked_confirmed') : t('bookings.booked_pending')}
        </Alert>
      )}
      {asClient ? (
        <ClientBookingItem booking={b} openReview={params.get('review') === '1'} />
      ) : (
        <MasterBookingItem booking={b} />
      )}
      <Link to={asClient ? '/bookings' : '/workspace/bookings'} className="btn btn--secondary btn--block" data-testid="to-bookings">
        {t('bookings.all')}
      </Link>
    </section>
  );
}
