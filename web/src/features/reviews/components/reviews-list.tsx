import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/field';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { ShowMoreButton } from '@/components/ui/show-more-button';
import { Spinner } from '@/components/ui/spinner';
import { useMasterReviews } from '@/features/reviews/api/get-master-reviews';
import { replyReviewInputSchema, useReplyReview } from '@/features/reviews/api/reply-review';
import { localeOf } from '@/lib/format';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import type { Review } from '@/types/api';
import '@/features/reviews/styles/reviews.css';

function ReplyForm({ review, onClose }: { review: Review; onClose: () => void }) {
  const { t } = useI18n();
  const reply = useReplyReview();
  const form = useForm({
    schema: replyReviewInputSchema,
    defaults: { text: '' },
    onSubmit: (input) => reply.mutateAsync({ reviewId: review.id, input }).then(onClose),
  });

  return (
    <form {...form.formProps} className="inline-panel" data-testid="reply-form">
      {form.formError && <Alert>{form.formError}</Alert>}
      <TextArea
        label={t('reviews.reply_label')}
        maxLength={2000}
        rows={2}
        {...form.register('text')}
        name="reply"
      />
      <div className="form__row-actions">
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t('profile.cancel')}
        </Button>
        <Button type="submit" size="sm" loading={form.submitting} data-testid="submit-reply">
          {t('reviews.reply_submit')}
        </Button>
      </div>
    </form>
  );
}

function ReviewItem({ review, canReply }: { review: Review; canReply: boolean }) {
  const { t, lang } = useI18n();
  const [replying, setReplying] = useState(false);
  const date = new Date(review.created_at).toLocaleDateString(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return (
    <li className="review" data-testid="review">
      <div className="review__head">
        <Avatar name={review.author.name} src={review.author.avatar_url ?? null} size="md" />
        <Link to={`/users/${encodeURIComponent(review.author.id)}`} className="review__author" data-testid="review-author">
          {review.author.name}
        </Link>
        <span className="review__stars" aria-label={t('reviews.stars', { n: review.rating })}>
          {'★'.repeat(review.rating)}
          <span className="review__stars-off">{'★'.repeat(5 - review.rating)}</span>
        </span>
      </div>
      <p className="review__date muted">{date}</p>
      {review.text && <p className="review__text">{review.text}</p>}
      {review.reply && (
        <div className="review__reply" data-testid="review-reply">
          <p className="review__reply-title">{t('reviews.master_reply')}</p>
          <p>{review.reply}</p>
        </div>
      )}
      {canReply && !review.reply && !replying && (
        <Button variant="ghost" size="sm" onClick={() => setReplying(true)} data-testid="reply-review">
          {t('reviews.reply')}
        </Button>
      )}
      {replying && <ReplyForm review={review} onClose={() => setReplying(false)} />}
    </li>
  );
}

/** Newest first; the master sees a reply button under reviews without an answer. */
export function ReviewsList({ masterId, canReply }: { masterId: string; canReply: boolean }) {
  const { t } = useI18n();
  const reviews = useMasterReviews(masterId);

  if (reviews.isPending) return <Spinner label={t('common.loading')} />;
  if (reviews.isError) return <QueryErrorAlert query={reviews} />;
  const items = reviews.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <p className="muted" data-testid="reviews-empty">
        {t('reviews.none')}
      </p>
    );
  }
  return (
    <>
      <ul className="reviews stack-list" data-testid="reviews-list">
        {items.map((r) => (
          <ReviewItem key={r.id} review={r} canReply={canReply} />
        ))}
      </ul>
      <ShowMoreButton query={reviews} small />
    </>
  );
}
