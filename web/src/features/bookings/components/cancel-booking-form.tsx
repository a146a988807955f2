import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/field';
import { cancelBookingInputSchema, useCancelBooking } from '@/features/bookings/api/cancel-booking';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import type { Booking } from '@/types/api';

export function CancelBookingForm({ booking, onDone, onClose }: { booking: Booking; onDone: (b: Booking) => void; onClose: () => void }) {
  const { t } = useI18n();
  const cancel = useCancelBooking();
  const form = useForm({
    schema: cancelBookingInputSchema,
    defaults: { reason: '' },
    prepare: ({ reason }) => ({ reason: reason.trim() }),
    onSubmit: (input) => cancel.mutateAsync({ id: booking.id, input }).then(onDone),
  });

  return (
    <form {...form.formProps} className="inline-panel" data-testid="cancel-form">
      {form.formError && <Alert data-testid="form-error">{form.formError}</Alert>}
      <TextArea
        label={t('bookings.cancel_reason_label')}
        maxLength={500}
        rows={2}
        {...form.register('reason')}
      />
      <div className="form__row-actions">
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t('bookings.keep')}
        </Button>
        <Button type="submit" variant="danger" size="sm" loading={form.submitting} data-testid="confirm-cancel">
          {t('bookings.cancel_confirm')}
        </Button>
      </div>
    </form>
  );
}
