import { formatRating } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { Rating } from '@/types/api';

export function MasterRating({ rating, testId }: { rating: Rating; testId?: string }) {
  const { t, lang } = useI18n();
  if (rating.avg === null || rating.count === 0) {
    return (
      <span className="rating rating--none muted" data-testid={testId}>
        {t('masters.no_rating')}
      </span>
    );
  }
  return (
    <span
      className="rating"
      data-testid={testId}
      aria-label={t('masters.rating_label', { avg: formatRating(rating.avg, lang), count: rating.count })}
    >
      <span className="rating__star" aria-hidden="true">
        ★
      </span>
      <span aria-hidden="true">
        {formatRating(rating.avg, lang)} <span className="muted">({rating.count})</span>
      </span>
    </span>
  );
}
