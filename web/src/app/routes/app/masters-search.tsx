import { useSearchParams } from 'react-router';
import { MasterResults } from '@/app/routes/app/master-results';
import { Button } from '@/components/ui/button';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { MASTER_SORTS, useMasters, type MasterSort, type MastersSearch } from '@/features/masters/api/get-masters';
import {
  MastersFilters,
  MIN_RATING_OPTIONS,
  RADIUS_OPTIONS,
  type MastersFilterValues,
} from '@/features/masters/components/masters-filters';
import { useSearchLocation, type LocationSource } from '@/features/masters/hooks/use-search-location';
import { useCategories } from '@/features/profile/api/get-categories';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/masters/styles/masters.css';

const SOURCE_LABELS: Record<LocationSource, MessageKey> = {
  device: 'masters.near_device',
  profile: 'masters.near_profile',
  default: 'masters.near_default',
};

/** Filters live in the URL, so Back from a master's page restores the same results. */
function filtersFromParams(params: URLSearchParams): MastersFilterValues {
  const sort = params.get('sort');
  const radius = Number(params.get('radius'));
  const rating = Number(params.get('rating'));
  return {
    categoryId: params.get('category') || null,
    minRating: (MIN_RATING_OPTIONS as readonly number[]).includes(rating) ? rating : null,
    sort: (MASTER_SORTS as readonly string[]).includes(sort ?? '') ? (sort as MasterSort) : 'distance',
    radiusKm: (RADIUS_OPTIONS as readonly number[]).includes(radius) ? radius : 10,
  };
}

function paramsFromFilters(f: MastersFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (f.categoryId) params.set('category', f.categoryId);
  if (f.minRating !== null) params.set('rating', String(f.minRating));
  if (f.sort !== 'distance') params.set('sort', f.sort);
  if (f.radiusKm !== 10) params.set('radius', String(f.radiusKm));
  return params;
}

function Results({ search }: { search: MastersSearch }) {
  const { t } = useI18n();
  const masters = useMasters(search);
  if (masters.isPending) return <PageSpinner label={t('common.loading')} />;
  if (masters.isError) return <QueryErrorAlert query={masters} data-testid="masters-error" />;
  const items = masters.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <p className="empty muted" data-testid="masters-empty">
        {t('masters.none_found')}
      </p>
    );
  }
  return <MasterResults items={items} query={masters} data-testid="masters-list" moreTestId="masters-more" />;
}

export function MastersSearchRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.search'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const where = useSearchLocation();
  const categories = useCategories();

  return (
    <section className="page" aria-labelledby="search-title">
      <h1 id="search-title" className="page__title" data-testid="page-title">
        {t('masters.search_title')}
      </h1>
      <MastersFilters
        value={filters}
        onChange={(next) => setParams(paramsFromFilters(next), { replace: true })}
        categories={categories.data?.items ?? []}
      />
      <div className="search-origin" data-testid="search-origin">
        {where.status === 'locating' ? (
          <span className="muted">{t('masters.locating')}</span>
        ) : (
          <span className="muted" data-source={where.source}>
            {t(SOURCE_LABELS[where.source])}
          </span>
        )}
        {where.status === 'ready' && where.source !== 'device' && 'geolocation' in navigator && (
          <Button variant="ghost" size="sm" loading={where.locating} onClick={where.relocate} data-testid="relocate">
            {t('masters.use_my_location')}
          </Button>
        )}
      </div>
      {where.status === 'locating' ? (
        <PageSpinner label={t('masters.locating')} />
      ) : (
        <Results
          search={{
            location: where.location,
            radiusKm: filters.radiusKm,
            categoryId: filters.categoryId,
            minRating: filters.minRating,
            sort: filters.sort,
          }}
        />
      )}
    </section>
  );
}
