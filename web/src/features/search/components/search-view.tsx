import { useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { Spinner } from '@/components/ui/spinner';
import { Tabs } from '@/components/ui/tabs';
import {
  needsPoint,
  SEARCH_TYPES,
  useSearchResults,
  type MasterHit,
  type PostHit,
  type SearchPage,
  type SearchType,
  type ServiceHit,
} from '@/features/search/api/get-search-results';
import { FreeSlot } from '@/features/search/components/free-slot';
import { Highlight } from '@/features/search/components/highlight';
import { SearchEmpty } from '@/features/search/components/search-empty';
import { SearchFilters } from '@/features/search/components/search-filters';
import { SearchSkeleton } from '@/features/search/components/search-skeleton';
import { ServiceHitCard } from '@/features/search/components/service-hit-card';
import { useSearchState } from '@/features/search/hooks/use-search-state';
import { hasFilters, searchUrl } from '@/features/search/utils/search-params';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { useLoadMoreOnSight } from '@/lib/use-load-more-on-sight';
import { useDocumentTitle } from '@/lib/use-document-title';
import type { Category, GeoLocation } from '@/types/api';
import '@/features/search/styles/search.css';

const TAB_LABELS: Record<SearchType, MessageKey> = {
  masters: 'search.tab.masters',
  services: 'search.tab.services',
  posts: 'search.tab.posts',
};

type Item = MasterHit | ServiceHit | PostHit;

/** Every loaded item once, in order: a page never repeats one, but the first one wins if it did. */
function uniqueItems(pages: readonly SearchPage[]): Item[] {
  const seen = new Set<string>();
  const out: Item[] = [];
  for (const page of pages) {
    for (const item of page.items as Item[]) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}

export type SearchViewProps = {
  /** Where to measure distance from; null while it is being found (or when nothing is known). */
  point: GeoLocation | null;
  /** The point is still being found: a radius or the distance sort waits for it. */
  locating: boolean;
  /** Where the point comes from, shown under the radius. */
  distanceHint?: string | undefined;
  categories: readonly Category[];
  categoryName: (category: Category) => string;
  /** Draws a master (the app passes the masters feature's card): `title` is the name with the matched words marked. */
  renderMaster: (hit: MasterHit, parts: { title: ReactNode; extra: ReactNode }) => ReactNode;
  /** Draws a post (the app passes the posts feature's card). */
  renderPost: (post: PostHit) => ReactNode;
};

/**
 * The results page: tabs Masters / Services / Posts, filters with facet counts, "showing results
 * for …" when the server corrected the query, and pages loading as the end comes into sight.
 * The whole search is in the URL (use-search-state).
 */
export function SearchView({ point, locating, distanceHint, categories, categoryName, renderMaster, renderPost }: SearchViewProps) {
  const { t } = useI18n();
  const [search, update] = useSearchState();
  const q = search.q.trim();
  useDocumentTitle(q ? t('search.title_query', { q }) : t('search.title'));

  const waiting = needsPoint(search) && point === null;
  const results = useSearchResults({ ...search, point }, { enabled: !waiting });
  const sentinel = useRef<HTMLDivElement>(null);
  useLoadMoreOnSight(sentinel, results);

  const data = results.data;
  const first = data?.pages[0];
  const items = data ? uniqueItems(data.pages) : [];
  const filtered = hasFilters(search);
  const resetFilters = () => update({ categoryId: null, price: null, minRating: null, available: null, radiusKm: null });

  let body: ReactNode;
  if (waiting) body = <Spinner label={t('search.locating')} />;
  else if (results.isPending && !data) body = <SearchSkeleton />;
  else if (results.isError && !data) body = <QueryErrorAlert query={results} data-testid="search-error" />;
  else if (items.length === 0) {
    body = <SearchEmpty search={search} categories={categories} categoryName={categoryName} filtered={filtered} onResetFilters={resetFilters} />;
  } else {
    body = (
      <>
        <ul className={`search-results search-results--${search.type}`} data-testid="search-results" aria-busy={results.isPlaceholderData || undefined}>
          {items.map((item) => {
            if (search.type === 'services') return <ServiceHitCard key={item.id} hit={item as ServiceHit} />;
            if (search.type === 'posts') {
              const post = item as PostHit;
              return (
                <li key={post.id} className="search-results__post" data-testid="post-hit">
                  {post.highlight && (
                    <p className="search-excerpt" aria-label={t('search.post_excerpt')}>
                      <Highlight html={post.highlight} data-testid="post-hit-excerpt" />
                    </p>
                  )}
                  {renderPost(post)}
                </li>
              );
            }
            const master = item as MasterHit;
            return renderMaster(master, {
              title: <Highlight html={master.highlight} data-testid="master-hit-name" />,
              extra: <FreeSlot slot={master.next_free_slot} />,
            });
          })}
        </ul>
        <div ref={sentinel} className="search-results__sentinel" aria-hidden="true" />
        {results.isFetchingNextPage && <Spinner label={t('common.loading')} />}
        {results.isFetchNextPageError && (
          <QueryErrorAlert query={{ error: results.error, refetch: () => results.fetchNextPage() }} data-testid="search-page-error" />
        )}
        {results.hasNextPage && !results.isFetchingNextPage && !results.isFetchNextPageError && (
          <button type="button" className="btn btn--secondary btn--block" onClick={() => void results.fetchNextPage()} data-testid="search-more">
            {t('common.show_more')}
          </button>
        )}
        {!results.hasNextPage && (
          <p className="muted search-results__end" data-testid="search-end">
            {t('search.end')}
          </p>
        )}
      </>
    );
  }

  return (
    <section className="page search" aria-labelledby="search-title">
      <h1 id="search-title" className="page__title" data-testid="page-title">
        {q ? t('search.title_query', { q }) : t('search.title')}
      </h1>
      <Tabs
        tabs={SEARCH_TYPES}
        selected={search.type}
        onSelect={(type) => update({ type })}
        label={(name) => t(TAB_LABELS[name])}
        aria-label={t('search.tabs')}
      />
      <SearchFilters
        value={search}
        onChange={update}
        facets={first?.facets}
        categories={categories}
        categoryName={categoryName}
        canMeasureDistance={point !== null || locating}
        distanceHint={distanceHint}
      />
      {first?.corrected_query && (
        <Alert tone="info" data-testid="search-corrected" title={t('search.corrected', { query: first.corrected_query })}>
          {q && (
            <>
              {t('search.corrected_detail', { typed: q })}{' '}
              <Link to={searchUrl({ ...search, q: first.corrected_query })} data-testid="search-corrected-link">
                {first.corrected_query}
              </Link>
            </>
          )}
        </Alert>
      )}
      {first && items.length > 0 && (
        <p className="muted search__total" data-testid="search-total" aria-live="polite">
          {t('search.total', { count: first.total_estimate })}
        </p>
      )}
      {body}
    </section>
  );
}
