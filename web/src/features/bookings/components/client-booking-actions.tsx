import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { BookingChangeButtons, BookingChangePanel, type BookingChange } from '@/features/bookings/components/booking-change-panel';
import { useI18n } from '@/lib/i18n';
import type { Booking } from '@/types/api';
import '@/features/bookings/styles/bookings.css';

type Props = {
  booking: Booking;
  /** The master's zone, for the reschedule calendar. */
  timeZone?: string | undefined;
  /** The review form (reviews feature), rendered for a completed visit without a review. */
  renderReview?: (booking: Booking, close: () => void) => ReactNode;
  /** Open with the review form (a "how was your visit?" notification leads here). */
  openReview?: boolean;
};

type Panel = BookingChange | 'review' | null;

/** What a client can do with one of their bookings. */
export function ClientBookingActions({ booking, timeZone, renderReview, openReview = false }: Props) {
  const { t } = useI18n();
  const active = booking.status === 'pending' || booking.status === 'confirmed';
  const upcoming = Date.parse(booking.start_at) > Date.now();
  const canChange = active && upcoming;
  const canReview = booking.status === 'completed' && booking.review_id === null && renderReview !== undefined;
  const [panel, setPanel] = useState<Panel>(() => (openReview && canReview ? 'review' : null));
  const close = () => setPanel(null);
  if (!canChange && !canReview && booking.review_id === null) return null;

  return (
    <div className="booking-card__actions">
      {panel === null && (
        <div className="actions-row">
          {canChange && <BookingChangeButtons onOpen={setPanel} />}
          {canReview && (
            <Button size="sm" onClick={() => setPanel('review')} data-testid="leave-review">
              {t('bookings.leave_review')}
            </Button>
          )}
          {booking.review_id !== null && (
            <span className="muted" data-testid="review-left">
              {t('bookings.review_left')}
            </span>
          )}
        </div>
      )}
      <BookingChangePanel panel={panel} booking={booking} timeZone={timeZone} onClose={close} />
      {panel === 'review' && renderReview?.(booking, close)}
    </div>
  );
}
