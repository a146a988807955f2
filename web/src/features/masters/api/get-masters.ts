import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { masterKeys } from '@/features/masters/api/keys';
import { mastersPageSchema, type GeoLocation, type MastersPage } from '@/types/api';

export const MASTER_SORTS = ['distance', 'rating', 'price'] as const;
export type MasterSort = (typeof MASTER_SORTS)[number];

export type MastersSearch = {
  location: GeoLocation;
  radiusKm: number;
  categoryId: string | null;
  minRating: number | null;
  sort: MasterSort;
};

export const MASTERS_PAGE_SIZE = 20;

function searchParams(search: MastersSearch, cursor: string | null): string {
  const params = new URLSearchParams({
    lat: String(search.location.lat),
    lon: String(search.location.lon),
    radius_km: String(search.radiusKm),
    sort: search.sort,
    limit: String(MASTERS_PAGE_SIZE),
  });
  if (search.categoryId) params.set('category_id', search.categoryId);
  if (search.minRating !== null) params.set('min_rating', String(search.minRating));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export function getMasters(search: MastersSearch, cursor: string | null, signal?: AbortSignal): Promise<MastersPage> {
  return api.get(`/masters?${searchParams(search, cursor)}`, { schema: mastersPageSchema, signal });
}

export function getMastersQueryOptions(search: MastersSearch) {
  return infiniteQueryOptions({
    queryKey: masterKeys.search(search),
    queryFn: ({ pageParam, signal }) => getMasters(search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useMasters(search: MastersSearch) {
  return useInfiniteQuery(getMastersQueryOptions(search));
}
