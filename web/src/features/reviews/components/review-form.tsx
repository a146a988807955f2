import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/field';
import { toast } from '@/components/ui/toaster';
import { createReviewInputSchema, useCreateReview } from '@/features/reviews/api/create-review';
import { StarRatingInput } from '@/features/reviews/components/star-rating-input';
import { isApiProblem } from '@/lib/api-client';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import '@/features/reviews/styles/reviews.css';

type Props = { bookingId: string; onDone: () => void; onClose: () => void };

export function ReviewForm({ bookingId, onDone, onClose }: Props) {
  const { t } = useI18n();
  const create = useCreateReview();
  const form = useForm({
    schema: createReviewInputSchema,
    defaults: { rating: 0, text: '' },
    prepare: (values) => ({ ...values, text: values.text.trim() }),
    onSubmit: (input) =>
      create.mutateAsync({ bookingId, input }).then(
        () => {
          toast.success(t('reviews.thanks'));
          onDone();
        },
        (error: unknown) => {
          if (isApiProblem(error) && error.code === 'review_exists') {
            toast.info(t('reviews.exists'));
            onDone();
            return;
          }
          if (isApiProblem(error) && error.code === 'not_completed') {
            toast.error(t('reviews.not_completed'));
            onClose();
            return;
          }
          throw error;
        },
      ),
  });

  return (
    <form {...form.formProps} className="inline-panel" data-testid="review-form">
      {form.formError && <Alert data-testid="form-error">{form.formError}</Alert>}
      <StarRatingInput
        value={form.values.rating}
        onChange={(n) => form.setValue('rating', n)}
        error={form.fieldErrors.rating}
      />
      <TextArea
        label={t('reviews.text')}
        maxLength={2000}
        rows={3}
        {...form.register('text')}
      />
      <div className="form__row-actions">
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t('profile.cancel')}
        </Button>
        <Button type="submit" size="sm" loading={form.submitting} data-testid="submit-review">
          {t('reviews.submit')}
        </Button>
      </div>
    </form>
  );
}
