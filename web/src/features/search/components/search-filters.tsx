import { SelectField, TextField } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { SORTS_OF, type SearchFacets, type SearchSort } from '@/features/search/api/get-search-results';
import { hasFilters, RADIUS_OPTIONS, RATING_OPTIONS, type SearchState } from '@/features/search/utils/search-params';
import { dateInZone, formatMoney, localeOf } from '@/lib/format';
import { useI18n, type MessageKey } from '@/lib/i18n';
import type { Category } from '@/types/api';
import '@/features/search/styles/search.css';

/** The server's fixed price edges (minor units), for the chips before the first facets arrive. */
type PriceEdge = { from: number; to: number | null; count?: number };

export const PRICE_EDGES: readonly PriceEdge[] = [
  { from: 0, to: 100_000 },
  { from: 100_000, to: 200_000 },
  { from: 200_000, to: 350_000 },
  { from: 350_000, to: 500_000 },
  { from: 500_000, to: null },
];

const SORT_LABELS: Record<SearchSort, MessageKey> = {
  relevance: 'search.sort.relevance',
  distance: 'search.sort.distance',
  rating: 'search.sort.rating',
  price: 'search.sort.price',
  recent: 'search.sort.recent',
};

type Props = {
  value: SearchState;
  onChange: (patch: Partial<SearchState>) => void;
  /** Of the current results; undefined until the first page arrives. */
  facets: SearchFacets | undefined;
  categories: readonly Category[];
  categoryName: (category: Category) => string;
  /** A point to measure distance from is known (or on its way): offer the radius and the distance sort. */
  canMeasureDistance: boolean;
  /** Where distances are measured from, under the radius. */
  distanceHint?: string | undefined;
};

type ChipOption = { value: string; label: string; count?: number | undefined };

/** One choice out of a few, as a row of radio chips, each with its facet count. */
function ChipGroup({ legend, name, options, value, onChange }: {
  legend: string;
  name: string;
  options: ChipOption[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <fieldset className="search-filters__group" data-testid={`filter-${name}`}>
      <legend className="field__label">{legend}</legend>
      <div className="chips">
        {options.map((o) => (
          <label className="chip" key={o.value}>
            <input
              type="radio"
              className="chip__input"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.count === 0 && value !== o.value}
              onChange={() => onChange(o.value)}
              data-testid={`filter-${name}-${o.value || 'any'}`}
            />
            <span className="chip__label">
              {o.label}
              {o.count !== undefined && (
                <span className="search-filters__count" data-testid="facet-count">
                  {' '}
                  {o.count}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The results page's filters. Counts come from the facets: each counts what the other filters
 * leave, so a chosen category still shows how many the others have.
 */
export function SearchFilters({ value, onChange, facets, categories, categoryName, canMeasureDistance, distanceHint }: Props) {
  const { t, lang } = useI18n();
  const posts = value.type === 'posts';
  const money = (minor: number) => formatMoney(minor, 'RUB', lang);

  // The facet's categories, most results first; the chosen one even when nothing is left in it.
  const byId = new Map(categories.map((c) => [c.id, c]));
  const counted: { id: string; count: number | undefined }[] = facets
    ? [...facets.categories].sort((a, b) => b.count - a.count)
    : categories.map((c) => ({ id: c.id, count: undefined }));
  if (value.categoryId && !counted.some((c) => c.id === value.categoryId)) counted.unshift({ id: value.categoryId, count: 0 });
  const categoryOptions = counted.flatMap(({ id, count }) => {
    const category = byId.get(id);
    if (!category) return [];
    const label = categoryName(category);
    return [{ id, label: count === undefined ? label : t('search.with_count', { label, count }) }];
  });

  const edges: readonly PriceEdge[] = facets?.price.length ? facets.price : PRICE_EDGES;
  const priceOptions: ChipOption[] = [
    { value: '', label: t('search.any_price') },
    ...edges.map((edge) => ({
      value: `${edge.from}-${edge.to ?? ''}`,
      label:
        edge.to === null
          ? t('search.price_from', { from: money(edge.from) })
          : edge.from === 0
            ? t('search.price_upto', { to: money(edge.to) })
            : t('search.price_range', { from: money(edge.from), to: money(edge.to) }),
      count: edge.count,
    })),
  ];

  const ratingOptions: ChipOption[] = [
    { value: '', label: t('search.any_rating') },
    ...RATING_OPTIONS.map((min) => ({
      value: String(min),
      label: t('search.rating_at_least', {
        rating: min.toLocaleString(localeOf(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      }),
      count: facets?.rating.find((r) => Math.abs(r.min - min) < 1e-9)?.count,
    })),
  ];

  const availableKind = value.available === null ? '' : value.available === 'today' || value.available === 'tomorrow' ? value.available : 'date';
  const sorts = SORTS_OF[value.type].filter((s) => s !== 'distance' || canMeasureDistance);

  return (
    <div className="search-filters" role="group" aria-label={t('search.filters')} data-testid="search-filters">
      <div className="filters">
        <SelectField
          label={t('search.category')}
          name="category"
          value={value.categoryId ?? ''}
          onChange={(e) => onChange({ categoryId: e.target.value || null })}
        >
          <option value="">{t('search.any_category')}</option>
          {categoryOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('search.sort')} name="sort" value={value.sort} onChange={(e) => onChange({ sort: e.target.value as SearchSort })}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(SORT_LABELS[s])}
            </option>
          ))}
        </SelectField>
        {(canMeasureDistance || value.radiusKm !== null) && (
          <SelectField
            label={t('search.distance')}
            name="radius"
            hint={distanceHint}
            value={value.radiusKm === null ? '' : String(value.radiusKm)}
            onChange={(e) => onChange({ radiusKm: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{t('search.any_distance')}</option>
            {RADIUS_OPTIONS.map((km) => (
              <option key={km} value={km}>
                {t('search.radius_km', { km })}
              </option>
            ))}
          </SelectField>
        )}
        {!posts && (
          <SelectField
            label={t('search.available')}
            name="available"
            value={availableKind}
            onChange={(e) => {
              const kind = e.target.value;
              // "On a chosen day" starts at the day after tomorrow (today and tomorrow have their own).
              const later = new Date(Date.now() + 2 * 86_400_000);
              onChange({ available: kind === 'date' ? dateInZone(later, Intl.DateTimeFormat().resolvedOptions().timeZone) : kind || null });
            }}
          >
            <option value="">{t('search.available_any')}</option>
            <option value="today">{t('search.available_today')}</option>
            <option value="tomorrow">{t('search.available_tomorrow')}</option>
            <option value="date">{t('search.available_date')}</option>
          </SelectField>
        )}
        {!posts && availableKind === 'date' && (
          <TextField
            label={t('search.available_on')}
            name="available_on"
            type="date"
            value={value.available ?? ''}
            onChange={(e) => e.target.value && onChange({ available: e.target.value })}
          />
        )}
      </div>
      {!posts && (
        <>
          <ChipGroup
            legend={t('search.price')}
            name="price"
            options={priceOptions}
            value={value.price ? `${value.price.from}-${value.price.to ?? ''}` : ''}
            onChange={(v) => {
              const [from = '', to = ''] = v.split('-');
              onChange({ price: v ? { from: Number(from), to: to ? Number(to) : null } : null });
            }}
          />
          <ChipGroup
            legend={t('search.rating')}
            name="rating"
            options={ratingOptions}
            value={value.minRating === null ? '' : String(value.minRating)}
            onChange={(v) => onChange({ minRating: v ? Number(v) : null })}
          />
        </>
      )}
      {hasFilters(value) && (
        <Button
          variant="ghost"
          size="sm"
          className="search-filters__reset"
          onClick={() => onChange({ categoryId: null, price: null, minRating: null, available: null, radiusKm: null })}
          data-testid="reset-filters"
        >
          {t('search.reset_filters')}
        </Button>
      )}
    </div>
  );
}
