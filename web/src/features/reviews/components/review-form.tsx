import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/text-area';
import { toast } from '@/components/ui/toaster';
import { createReviewInputSchema, useCreateReview } from '@/features/reviews/api/create-review';
import { StarRatingInput } from '@/features/reviews/components/star-rating-input';
import { isApiProblem } from '@/lib/api-client';
import { useFormErrors } from '@/lib/form';
import { useI18n } from '@/lib/i18n';

const FIELDS = ['rating', 'text'] as const;

type Props = { bookingId: string; onDone: () => void; onClose: () => void };

export function ReviewForm({ bookingId, onDone, onClose }: Props) {
  const { t } = useI18n();
  const create = useCreateReview();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const errors = useFormErrors(FIELDS);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createReviewInputSchema.safeParse({ rating, text: text.trim() });
    if (!parsed.success) {
      errors.setValidationError(parsed.error);
      return;
    }
    errors.reset();
    create.mutate(
      { bookingId, input: parsed.data },
      {
        onSuccess: () => {
          toast.success(t('reviews.thanks'));
          onDone();
        },
        onError: (error) => {
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
          errors.setServerError(error);
        },
      },
    );
  };

  return (
    <form className="inline-panel" noValidate onSubmit={onSubmit} data-testid="review-form">
      {errors.formError && <Alert data-testid="form-error">{errors.formError}</Alert>}
      <StarRatingInput
        value={rating}
        onChange={(n) => {
          setRating(n);
          errors.clearField('rating');
        }}
        error={errors.fieldErrors.rating}
      />
      <TextArea
        label={t('reviews.text')}
        name="text"
        maxLength={2000}
        rows={3}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          errors.clearField('text');
        }}
        error={errors.fieldErrors.text}
      />
      <div className="form__row-actions">
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t('profile.cancel')}
        </Button>
        <Button type="submit" size="sm" loading={create.isPending} data-testid="submit-review">
          {t('reviews.submit')}
        </Button>
      </div>
    </form>
  );
}
