import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { searchUrl, type SearchState } from '@/features/search/utils/search-params';
import { useI18n, type MessageKey } from '@/lib/i18n';
import type { Category } from '@/types/api';
import '@/features/search/styles/search.css';

const EXAMPLES: MessageKey[] = ['search.example_1', 'search.example_2', 'search.example_3', 'search.example_4'];

type Props = {
  search: SearchState;
  categories: readonly Category[];
  categoryName: (category: Category) => string;
  filtered: boolean;
  onResetFilters: () => void;
};

/** Nothing found: say so, and offer a way on (fewer filters, example queries, the top categories). */
export function SearchEmpty({ search, categories, categoryName, filtered, onResetFilters }: Props) {
  const { t } = useI18n();
  const q = search.q.trim();
  const roots = categories.filter((c) => c.parent_id === null).slice(0, 6);
  return (
    <div className="search-empty" data-testid="search-empty">
      <p className="search-empty__title">{q ? t('search.empty_query', { q }) : t('search.empty')}</p>
      {filtered && (
        <>
          <p className="muted">{t('search.empty_filters')}</p>
          <Button variant="secondary" size="sm" onClick={onResetFilters} data-testid="empty-reset-filters">
            {t('search.reset_filters')}
          </Button>
        </>
      )}
      <p className="muted">{t('search.try')}</p>
      <ul className="chips search-empty__chips" data-testid="search-examples">
        {EXAMPLES.map((key) => (
          <li key={key}>
            <Link className="chip" to={searchUrl({ q: t(key), type: search.type })}>
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
      {roots.length > 0 && (
        <>
          <p className="muted">{t('search.popular_categories')}</p>
          <ul className="chips search-empty__chips" data-testid="search-popular-categories">
            {roots.map((c) => (
              <li key={c.id}>
                <Link className="chip" to={searchUrl({ categoryId: c.id, type: search.type })}>
                  {categoryName(c)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
