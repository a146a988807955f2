import { SelectField } from '@/components/ui/field';
import { MASTER_SORTS, type MasterSort } from '@/features/masters/api/get-masters';
import { categoryOptionGroups } from '@/features/masters/utils/category-name';
import { localeOf } from '@/lib/format';
import { useI18n, type MessageKey } from '@/lib/i18n';
import type { Category } from '@/types/api';
import '@/features/masters/styles/masters.css';

export type MastersFilterValues = {
  categoryId: string | null;
  minRating: number | null;
  sort: MasterSort;
  radiusKm: number;
};

export const RADIUS_OPTIONS = [2, 5, 10, 25, 50, 100] as const;
export const MIN_RATING_OPTIONS = [3, 4, 4.5] as const;

const SORT_LABELS: Record<MasterSort, MessageKey> = {
  distance: 'masters.sort.distance',
  rating: 'masters.sort.rating',
  price: 'masters.sort.price',
};

type Props = {
  value: MastersFilterValues;
  onChange: (next: MastersFilterValues) => void;
  categories: readonly Category[];
};

export function MastersFilters({ value, onChange, categories }: Props) {
  const { t, lang } = useI18n();
  const set = (patch: Partial<MastersFilterValues>) => onChange({ ...value, ...patch });
  return (
    <div className="filters" role="group" aria-label={t('masters.filters')} data-testid="masters-filters">
      <SelectField
        label={t('masters.category')}
        name="category"
        value={value.categoryId ?? ''}
        onChange={(e) => set({ categoryId: e.target.value || null })}
      >
        <option value="">{t('masters.any_category')}</option>
        {categoryOptionGroups(categories, lang).map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <SelectField
        label={t('masters.min_rating')}
        name="min_rating"
        value={value.minRating === null ? '' : String(value.minRating)}
        onChange={(e) => set({ minRating: e.target.value ? Number(e.target.value) : null })}
      >
        <option value="">{t('masters.any_rating')}</option>
        {MIN_RATING_OPTIONS.map((r) => (
          <option key={r} value={r}>
            {t('masters.rating_at_least', { rating: r.toLocaleString(localeOf(lang)) })}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('masters.sort')}
        name="sort"
        value={value.sort}
        onChange={(e) => set({ sort: e.target.value as MasterSort })}
      >
        {MASTER_SORTS.map((s) => (
          <option key={s} value={s}>
            {t(SORT_LABELS[s])}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('masters.radius')}
        name="radius"
        value={String(value.radiusKm)}
        onChange={(e) => set({ radiusKm: Number(e.target.value) })}
      >
        {RADIUS_OPTIONS.map((r) => (
          <option key={r} value={r}>
            {t('masters.radius_km', { km: r })}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
