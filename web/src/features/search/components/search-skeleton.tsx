import { useI18n } from '@/lib/i18n';
import '@/features/search/styles/search.css';

/** Grey result cards while the first page loads. */
export function SearchSkeleton({ count = 4 }: { count?: number }) {
  const { t } = useI18n();
  return (
    <div className="search-skeleton" role="status" aria-label={t('common.loading')} data-testid="search-skeleton">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="search-skeleton__card tile" aria-hidden="true">
          <span className="skeleton search-skeleton__avatar" />
          <div className="search-skeleton__lines">
            <span className="skeleton search-skeleton__line search-skeleton__line--short" />
            <span className="skeleton search-skeleton__line" />
            <span className="skeleton search-skeleton__line search-skeleton__line--mid" />
          </div>
        </div>
      ))}
    </div>
  );
}
