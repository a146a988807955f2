import { useRef } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/field';
import { createBookingInputSchema, useCreateBooking } from '@/features/bookings/api/create-booking';
import { IdempotentAttempt } from '@/features/bookings/utils/idempotency';
import { bookingProblemMessage } from '@/features/bookings/utils/booking-problem';
import { isApiProblem } from '@/lib/api-client';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import type { Booking } from '@/types/api';

type Props = {
  serviceId: string;
  startAt: string;
  onBooked: (booking: Booking) => void;
  /** The time was taken meanwhile: let the user pick another. */
  onPickAnother: () => void;
};

const commentFormSchema = z.object({ comment: z.string().trim().max(500, 'validation.comment_length') });

/** The last step: an optional comment and the button that books. */
export function BookingConfirmForm({ serviceId, startAt, onBooked, onPickAnother }: Props) {
  const { t } = useI18n();
  const create = useCreateBooking();
  const attempt = useRef(new IdempotentAttempt());
  const form = useForm({
    schema: commentFormSchema,
    defaults: { comment: '' },
    onSubmit: ({ comment }) => {
      const input = createBookingInputSchema.parse({
        service_id: serviceId,
        start_at: startAt,
        ...(comment ? { comment } : {}),
      });
      // The same key for a retry of the same request: a lost response must not book twice.
      const idempotencyKey = attempt.current.keyFor(input);
      // Not returned: a refusal is shown by the alert below (with "pick another"), not on the field.
      create.mutate(
        { input, idempotencyKey },
        {
          onSuccess: (booking) => {
            attempt.current.reset();
            onBooked(booking);
          },
          onError: (error) => {
            // A definite refusal ends the attempt; a network failure keeps the key for the retry.
            if (isApiProblem(error) && error.status >= 400 && error.status < 500) attempt.current.reset();
          },
        },
      );
    },
  });

  const error = create.error;
  const slotTaken = isApiProblem(error) && error.code === 'slot_unavailable';

  return (
    <form {...form.formProps} className="form" data-testid="booking-confirm-form">
      {error && (
        <Alert
          data-testid="booking-error"
          action={
            slotTaken ? (
              <Button variant="secondary" size="sm" onClick={onPickAnother} data-testid="pick-another">
                {t('bookings.pick_another')}
              </Button>
            ) : undefined
          }
        >
          {bookingProblemMessage(error, t)}
        </Alert>
      )}
      <TextArea
        label={t('bookings.comment_optional')}
        maxLength={500}
        rows={3}
        placeholder={t('bookings.comment_placeholder')}
        {...form.register('comment')}
      />
      <div className="form__actions">
        <Button type="submit" block loading={create.isPending} disabled={slotTaken} data-testid="confirm-booking-submit">
          {create.isPending ? t('bookings.booking') : t('bookings.book_confirm')}
        </Button>
      </div>
    </form>
  );
}
