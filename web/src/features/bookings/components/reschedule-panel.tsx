import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { Slot } from '@/features/bookings/api/get-slots';
import { useRescheduleBooking } from '@/features/bookings/api/reschedule-booking';
import { SlotPicker } from '@/features/bookings/components/slot-picker';
import { formatDay, localTimeOf } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { bookingProblemMessage } from '@/features/bookings/utils/booking-problem';
import type { Booking } from '@/types/api';
import '@/features/bookings/styles/bookings.css';

type Props = { booking: Booking; timeZone?: string | undefined; onDone: (b: Booking) => void; onClose: () => void };

/** Pick a new free slot for the same master and service. */
export function ReschedulePanel({ booking, timeZone, onDone, onClose }: Props) {
  const { t, lang } = useI18n();
  const reschedule = useRescheduleBooking();
  const [slot, setSlot] = useState<Slot | null>(null);

  const error = reschedule.error ? bookingProblemMessage(reschedule.error, t) : null;

  return (
    <div className="inline-panel" data-testid="reschedule-panel">
      <p className="inline-panel__title">{t('bookings.reschedule_title')}</p>
      <SlotPicker
        masterId={booking.master.id}
        serviceId={booking.service.id}
        timeZone={timeZone ?? booking.master.timezone}
        selected={slot}
        onSelect={(s) => {
          setSlot(s);
          reschedule.reset();
        }}
      />
      {error && <Alert data-testid="reschedule-error">{error}</Alert>}
      <div className="form__row-actions">
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t('profile.cancel')}
        </Button>
        <Button
          size="sm"
          disabled={!slot}
          loading={reschedule.isPending}
          data-testid="confirm-reschedule"
          onClick={() => {
            if (slot) reschedule.mutate({ id: booking.id, input: { start_at: slot.start_at } }, { onSuccess: onDone });
          }}
        >
          {slot
            ? t('bookings.reschedule_to', {
                when: `${formatDay(slot.local_start.slice(0, 10), lang)}, ${localTimeOf(slot.local_start)}`,
              })
            : t('bookings.pick_new_time')}
        </Button>
      </div>
    </div>
  );
}
