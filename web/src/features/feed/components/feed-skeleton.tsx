import { useI18n } from '@/lib/i18n';

/** Grey post cards while the first page loads. */
export function FeedSkeleton({ count = 3 }: { count?: number }) {
  const { t } = useI18n();
  return (
    <div className="feed-skeleton" role="status" aria-label={t('common.loading')} data-testid="feed-skeleton">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="feed-skeleton__card" aria-hidden="true">
          <div className="feed-skeleton__head">
            <span className="skeleton feed-skeleton__avatar" />
            <span className="skeleton feed-skeleton__line feed-skeleton__line--short" />
          </div>
          <span className="skeleton feed-skeleton__photo" />
          <div className="feed-skeleton__body">
            <span className="skeleton feed-skeleton__line" />
            <span className="skeleton feed-skeleton__line feed-skeleton__line--mid" />
          </div>
        </div>
      ))}
    </div>
  );
}
