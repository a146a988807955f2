import {
  MAX_QUERY_LENGTH,
  SEARCH_TYPES,
  SORTS_OF,
  type PriceRange,
  type SearchRequest,
  type SearchSort,
  type SearchType,
} from '@/features/search/api/get-search-results';

// The whole search lives in the URL of /search, so a link can be shared and Back restores
// it: ?q=&type=&category=&price=from-to&rating=&available=&radius=&sort= (defaults left out).

export type SearchState = Omit<SearchRequest, 'point'>;

export const RATING_OPTIONS = [4.5, 4, 3.5] as const;
export const RADIUS_OPTIONS = [2, 5, 10, 25, 50, 100] as const;

const AVAILABLE = /^(today|tomorrow|\d{4}-\d{2}-\d{2})$/;

export const EMPTY_SEARCH: SearchState = {
  q: '',
  type: 'masters',
  categoryId: null,
  price: null,
  minRating: null,
  available: null,
  sort: 'relevance',
  radiusKm: null,
};

function parsePrice(raw: string | null): PriceRange | null {
  const match = raw?.match(/^(\d+)-(\d*)$/);
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : null;
  return to === null || to > from ? { from, to } : null;
}

/** Drops what the tab does not take: posts have no price, rating or day; each tab its sorts. */
export function normalizeSearch(state: SearchState): SearchState {
  const sort = SORTS_OF[state.type].includes(state.sort) ? state.sort : 'relevance';
  if (state.type !== 'posts') return { ...state, sort };
  return { ...state, sort, price: null, minRating: null, available: null };
}

export function searchFromParams(params: URLSearchParams): SearchState {
  const type = params.get('type');
  const rating = Number(params.get('rating'));
  const radius = Number(params.get('radius'));
  const available = params.get('available');
  return normalizeSearch({
    q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    type: (SEARCH_TYPES as readonly string[]).includes(type ?? '') ? (type as SearchType) : 'masters',
    categoryId: params.get('category') || null,
    price: parsePrice(params.get('price')),
    minRating: (RATING_OPTIONS as readonly number[]).includes(rating) ? rating : null,
    available: available && AVAILABLE.test(available) ? available : null,
    sort: (params.get('sort') as SearchSort | null) ?? 'relevance',
    radiusKm: (RADIUS_OPTIONS as readonly number[]).includes(radius) ? radius : null,
  });
}

export function paramsFromSearch(input: SearchState): URLSearchParams {
  const state = normalizeSearch(input);
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.type !== 'masters') params.set('type', state.type);
  if (state.categoryId) params.set('category', state.categoryId);
  if (state.price) params.set('price', `${state.price.from}-${state.price.to ?? ''}`);
  if (state.minRating !== null) params.set('rating', String(state.minRating));
  if (state.available) params.set('available', state.available);
  if (state.radiusKm !== null) params.set('radius', String(state.radiusKm));
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** The results page for `patch` over an empty search. */
export function searchUrl(patch: Partial<SearchState>): string {
  const query = paramsFromSearch({ ...EMPTY_SEARCH, ...patch }).toString();
  return query ? `/search?${query}` : '/search';
}

/** Whether any filter (not the query, the tab or the sort) is set. */
export function hasFilters(state: SearchState): boolean {
  return (
    state.categoryId !== null || state.price !== null || state.minRating !== null || state.available !== null || state.radiusKm !== null
  );
}
