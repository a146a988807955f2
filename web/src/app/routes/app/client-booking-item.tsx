import { BookingCard } from '@/features/bookings/components/booking-card';
import { ClientBookingActions } from '@/features/bookings/components/client-booking-actions';
import { useMaster } from '@/features/masters/api/get-master';
import { ReviewForm } from '@/features/reviews/components/review-form';
import type { Booking } from '@/types/api';
import '@/features/bookings/styles/bookings.css';
import '@/features/reviews/styles/reviews.css';

/**
 * A booking as its client sees it. Times are shown in the master's zone (the visit happens
 * there); the Booking resource does not carry it, so it comes from the master's public
 * profile, cached per master.
 */
export function ClientBookingItem({ booking, openReview = false }: { booking: Booking; openReview?: boolean }) {
  const master = useMaster(booking.master.id, null);
  const timeZone = booking.master.timezone ?? master.data?.timezone;
  return (
    <BookingCard booking={booking} perspective="client" timeZone={timeZone}>
      <ClientBookingActions
        booking={booking}
        timeZone={timeZone}
        openReview={openReview}
        renderReview={(b, close) => <ReviewForm bookingId={b.id} onDone={close} onClose={close} />}
      />
    </BookingCard>
  );
}
