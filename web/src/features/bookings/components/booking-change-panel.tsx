import { toast } from '@/components/ui/toaster';
import { CancelBookingForm } from '@/features/bookings/components/cancel-booking-form';
import { ReschedulePanel } from '@/features/bookings/components/reschedule-panel';
import { useI18n } from '@/lib/i18n';
import type { Booking } from '@/types/api';

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
