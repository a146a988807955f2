import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import { useCompleteBooking } from '@/features/bookings/api/complete-booking';
import { useConfirmBooking } from '@/features/bookings/api/confirm-booking';
import { useMarkNoShow } from '@/features/bookings/api/mark-no-show';
import { BookingChangeButtons, BookingChangePanel, type BookingChange } from '@/features/bookings/components/booking-change-panel';
import { bookingProblemMessage } from '@/features/bookings/utils/booking-problem';
import { useI18n } from '@/lib/i18n';
import type { Booking } from '@/types/api';
import '@/features/bookings/styles/bookings.css';

type Props = { booking: Booking; timeZone?: string | undefined };

/** What a master can do with an incoming booking. */
export function MasterBookingActions({ booking, timeZone }: Props) {
  const { t } = useI18n();
  const [panel, setPanel] = useState<BookingChange | null>(null);
  const confirm = useConfirmBooking();
  const complete = useCompleteBooking();
  const noShow = useMarkNoShow();
  const active = booking.status === 'pending' || booking.status === 'confirmed';
  const started = Date.parse(booking.start_at) <= Date.now();
  const close = () => setPanel(null);
  const onError = (error: unknown) => toast.error(bookingProblemMessage(error, t));

  if (!active) return null;
  return (
    <div className="booking-card__actions">
      {panel === null && (
        <div className="actions-row">
          {booking.status === 'pending' && !started && (
            <Button
              size="sm"
              loading={confirm.isPending}
              data-testid="confirm-booking"
              onClick={() =>
                confirm.mutate(booking.id, { onSuccess: () => toast.success(t('bookings.confirmed')), onError })
              }
            >
              {t('bookings.confirm')}
            </Button>
          )}
          {started && (
            <>
              <Button
                size="sm"
                loading={complete.isPending}
                data-testid="complete-booking"
                onClick={() =>
                  complete.mutate(booking.id, { onSuccess: () => toast.success(t('bookings.completed')), onError })
                }
              >
                {t('bookings.complete')}
              </Button>
              <Button
                variant="secondary"
                size="sm"
                loading={noShow.isPending}
                data-testid="no-show-booking"
                onClick={() =>
                  noShow.mutate(booking.id, { onSuccess: () => toast.success(t('bookings.marked_no_show')), onError })
                }
              >
                {t('bookings.no_show')}
              </Button>
            </>
          )}
          <BookingChangeButtons canReschedule={!started} onOpen={setPanel} />
        </div>
      )}
      <BookingChangePanel panel={panel} booking={booking} timeZone={timeZone} onClose={close} />
    </div>
  );
}
