import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import { CancelBookingForm } from '@/features/bookings/components/cancel-booking-form';
import { ReschedulePanel } from '@/features/bookings/components/reschedule-panel';
import { useI18n } from '@/lib/i18n';
import type { Booking } from '@/types/api';

export type BookingChange = 'cancel' | 'reschedule';

type ButtonsProps = {
  /** False once the visit has started (the master then completes it or marks a no-show). */
  canReschedule?: boolean;
  onOpen: (change: BookingChange) => void;
};

/** "Reschedule" and "Cancel", for either party; they open the BookingChangePanel. */
export function BookingChangeButtons({ canReschedule = true, onOpen }: ButtonsProps) {
  const { t } = useI18n();
  return (
    <>
      {canReschedule && (
        <Button variant="secondary" size="sm" onClick={() => onOpen('reschedule')} data-testid="reschedule-booking">
          {t('bookings.reschedule')}
        </Button>
      )}
      <Button variant="ghost" size="sm" onClick={() => onOpen('cancel')} data-testid="cancel-booking">
        {t('bookings.cancel')}
      </Button>
    </>
  );
}

type Props = {
  /** Which change is open; anything else renders nothing. */
  panel: string | null;
  booking: Booking;
  /** The master's zone, for the reschedule calendar. */
  timeZone?: string | undefined;
  onClose: () => void;
};

/** The cancel form or the reschedule calendar, for either party; says so when it is done. */
export function BookingChangePanel({ panel, booking, timeZone, onClose }: Props) {
  const { t } = useI18n();
  const done = (message: string) => () => {
    onClose();
    toast.success(message);
  };
  if (panel === 'cancel') {
    return <CancelBookingForm booking={booking} onClose={onClose} onDone={done(t('bookings.cancelled'))} />;
  }
  if (panel === 'reschedule') {
    return (
      <ReschedulePanel booking={booking} timeZone={timeZone} onClose={onClose} onDone={done(t('bookings.rescheduled'))} />
    );
  }
  return null;
}
