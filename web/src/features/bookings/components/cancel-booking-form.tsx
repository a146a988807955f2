import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/text-area';
import { cancelBookingInputSchema, useCancelBooking } from '@/features/bookings/api/cancel-booking';
import { useFormErrors } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import type { Booking } from '@/types/api';

const FIELDS = ['reason'] as const;

export function CancelBookingForm({ booking, onDone, onClose }: { booking: Booking; onDone: (b: Booking) => void; onClose: () => void }) {
  const { t } = useI18n();
  const cancel = useCancelBooking();
  const [reason, setReason] = useState('');
  const errors = useFormErrors(FIELDS);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = cancelBookingInputSchema.safeParse({ reason: reason.trim() });
    if (!parsed.success) {
      errors.setValidationError(parsed.error);
      return;
    }
    errors.reset();
    cancel.mutate({ id: booking.id, input: parsed.data }, { onSuccess: onDone, onError: errors.setServerError });
  };

  return (
    <form className="inline-panel" noValidate onSubmit={onSubmit} data-testid="cancel-form">
      {errors.formError && <Alert data-testid="form-error">{errors.formError}</Alert>}
      <TextArea
        label={t('bookings.cancel_reason_label')}
        name="reason"
        maxLength={500}
        rows={2}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          errors.clearField('reason');
        }}
        error={errors.fieldErrors.reason}
      />
      <div className="form__row-actions">
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t('bookings.keep')}
        </Button>
        <Button type="submit" variant="danger" size="sm" loading={cancel.isPending} data-testid="confirm-cancel">
          {t('bookings.cancel_confirm')}
        </Button>
      </div>
    </form>
  );
}
