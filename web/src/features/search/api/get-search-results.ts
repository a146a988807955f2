import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { z } from 'zod';
import { searchKeys } from '@/features/search/api/keys';
import { api } from '@/lib/api-client';
import { masterSummarySchema, postSchema, serviceSchema, type GeoLocation } from '@/types/api';

export const SEARCH_TYPES = ['masters', 'services', 'posts'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_SORTS = ['relevance', 'distance', 'rating', 'price', 'recent'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** What each tab may sort by (posts: relevance or recent; distance needs a point). */
export const SORTS_OF: Record<SearchType, readonly SearchSort[]> = {
  masters: ['relevance', 'distance', 'rating', 'price'],
  services: ['relevance', 'distance', 'rating', 'price'],
  posts: ['relevance', 'recent'],
};

/** The longest query the server takes, in characters. */
export const MAX_QUERY_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;
/** The widest radius the server allows; used when sorting by distance without a radius. */
export const MAX_RADIUS_KM = 100;

/** With `available`: the first free slot that day (`local_start` in the master's zone). */
export const nextFreeSlotSchema = z.object({ start_at: z.string(), local_start: z.string() }).nullable();
export type NextFreeSlot = z.infer<typeof nextFreeSlotSchema>;

/** `highlight`: server-escaped HTML whose only markup is <mark>…</mark>. */
export const masterHitSchema = masterSummarySchema.extend({
  highlight: z.string(),
  next_free_slot: nextFreeSlotSchema.default(null),
});
export type MasterHit = z.infer<typeof masterHitSchema>;

export const serviceHitSchema = serviceSchema.extend({
  master: masterSummarySchema,
  highlight: z.string(),
  next_free_slot: nextFreeSlotSchema.default(null),
});
export type ServiceHit = z.infer<typeof serviceHitSchema>;

export const postHitSchema = postSchema.extend({ highlight: z.string().default('') });
export type PostHit = z.infer<typeof postHitSchema>;

/** Each facet counts what matches the query and every filter except its own. */
export const searchFacetsSchema = z.object({
  categories: z.array(z.object({ id: z.string(), count: z.number().int() })),
  /** Fixed edges in minor units, [from, to); the last one has no upper edge. */
  price: z.array(z.object({ from: z.number().int(), to: z.number().int().nullable(), count: z.number().int() })),
  /** "At least" 4.5, 4.0, 3.5. */
  rating: z.array(z.object({ min: z.number(), count: z.number().int() })),
});
export type SearchFacets = z.infer<typeof searchFacetsSchema>;

function searchPageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    facets: searchFacetsSchema,
    total_estimate: z.number().int(),
    corrected_query: z.string().nullable(),
    next_cursor: z.string().nullable(),
  });
}

export const masterSearchPageSchema = searchPageSchema(masterHitSchema);
export const serviceSearchPageSchema = searchPageSchema(serviceHitSchema);
export const postSearchPageSchema = searchPageSchema(postHitSchema);
export type MasterSearchPage = z.infer<typeof masterSearchPageSchema>;
export type ServiceSearchPage = z.infer<typeof serviceSearchPageSchema>;
export type PostSearchPage = z.infer<typeof postSearchPageSchema>;
export type SearchPage = MasterSearchPage | ServiceSearchPage | PostSearchPage;

/** A price facet bucket as chosen: [from, to) in minor units, `to` null for "and up". */
export type PriceRange = { from: number; to: number | null };

/** One search, as the results page holds it (the URL) plus the point to search around. */
export type SearchRequest = {
  q: string;
  type: SearchType;
  categoryId: string | null;
  price: PriceRange | null;
  minRating: number | null;
  /** today | tomorrow | YYYY-MM-DD */
  available: string | null;
  sort: SearchSort;
  radiusKm: number | null;
  /** Sent only with a radius or the distance sort. */
  point: GeoLocation | null;
};

/** Whether the request cannot go without a point (which may still be on its way). */
export function needsPoint(request: Pick<SearchRequest, 'radiusKm' | 'sort'>): boolean {
  return request.radiusKm !== null || request.sort === 'distance';
}

export function searchQueryString(request: SearchRequest, cursor: string | null): string {
  const params = new URLSearchParams({ type: request.type, sort: request.sort, limit: String(SEARCH_PAGE_SIZE) });
  const q = request.q.trim();
  if (q) params.set('q', q);
  if (request.categoryId) params.set('category_id', request.categoryId);
  if (request.point && needsPoint(request)) {
    params.set('lat', String(request.point.lat));
    params.set('lon', String(request.point.lon));
    params.set('radius_km', String(request.radiusKm ?? MAX_RADIUS_KM));
  }
  if (request.type !== 'posts') {
    // The facet buckets are [from, to); the filter's bounds are inclusive.
    if (request.price) {
      params.set('price_min', String(request.price.from));
      if (request.price.to !== null) params.set('price_max', String(request.price.to - 1));
    }
    if (request.minRating !== null) params.set('min_rating', String(request.minRating));
    if (request.available) params.set('available', request.available);
  }
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

const SCHEMAS = { masters: masterSearchPageSchema, services: serviceSearchPageSchema, posts: postSearchPageSchema };

/** GET /search: one page of masters, services or posts, with facets and a corrected query. */
export function getSearchResults(request: SearchRequest, cursor: string | null, signal?: AbortSignal): Promise<SearchPage> {
  const schema: z.ZodType<SearchPage, z.ZodTypeDef, unknown> = SCHEMAS[request.type];
  return api.get(`/search?${searchQueryString(request, cursor)}`, { schema, signal });
}

export function getSearchResultsQueryOptions(request: SearchRequest) {
  // The point matters only when it is sent.
  const key = { ...request, q: request.q.trim(), point: needsPoint(request) ? request.point : null };
  return infiniteQueryOptions({
    queryKey: request.type === 'posts' ? searchKeys.postResults(key) : searchKeys.masterResults(key),
    queryFn: ({ pageParam, signal }) => getSearchResults(request, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** The request a results key was made for (both kinds of key hold it at the same place). */
function requestOfKey(queryKey: readonly unknown[]): Partial<SearchRequest> | undefined {
  return queryKey[3] as Partial<SearchRequest> | undefined;
}

/**
 * The results of `request`. While a changed filter loads, the previous results stay on screen
 * (`isPlaceholderData`); never those of another tab, whose items have another shape.
 */
export function useSearchResults(request: SearchRequest, { enabled }: { enabled: boolean }) {
  return useInfiniteQuery({
    ...getSearchResultsQueryOptions(request),
    enabled,
    placeholderData: (previous: InfiniteData<SearchPage, string | null> | undefined, previousQuery) =>
      previousQuery && requestOfKey(previousQuery.queryKey)?.type === request.type ? previous : undefined,
  });
}
