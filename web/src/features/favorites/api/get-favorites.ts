import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { favoriteKeys } from '@/features/favorites/api/keys';
import { mastersPageSchema, type MastersPage } from '@/types/api';

export function getFavorites(cursor: string | null, signal?: AbortSignal): Promise<MastersPage> {
  const params = new URLSearchParams({ limit: '20' });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/favorites/masters?${params}`, { schema: mastersPageSchema, signal });
}

export function getFavoritesQueryOptions() {
  return infiniteQueryOptions({
    queryKey: favoriteKeys.masters(),
    queryFn: ({ pageParam, signal }) => getFavorites(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useFavorites() {
  return useInfiniteQuery(getFavoritesQueryOptions());
}
