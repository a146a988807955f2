import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { feedKeys, type FeedTab } from '@/features/feed/api/keys';
import { api, isApiProblem } from '@/lib/api-client';
import { postsPageSchema, type GeoLocation, type PostsPage } from '@/types/api';

export const FEED_PAGE_SIZE = 20;

/** The server forgot the snapshot a cursor points into: start again from the top. */
export const SNAPSHOT_EXPIRED = 'feed_snapshot_expired';

export function isSnapshotExpired(error: unknown): boolean {
  return isApiProblem(error) && (error.code === SNAPSHOT_EXPIRED || error.status === 410);
}

type FeedQuery = { tab: FeedTab; cursor: string | null; location: GeoLocation | null };

/**
 * GET /feed?tab=…: a page of the ranked (for_you), followed (following) or near (nearby)
 * posts. The first page takes a snapshot on the server; a cursor points into it.
 */
export function getFeed({ tab, cursor, location }: FeedQuery, signal?: AbortSignal): Promise<PostsPage> {
  const params = new URLSearchParams({ tab, limit: String(FEED_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  if (location) {
    params.set('lat', String(location.lat));
    params.set('lon', String(location.lon));
  }
  return api.get(`/feed?${params}`, { schema: postsPageSchema, signal });
}

export function getFeedQueryOptions(tab: FeedTab, location: GeoLocation | null) {
  return infiniteQueryOptions({
    queryKey: feedKeys.tab(tab, location),
    queryFn: ({ pageParam, signal }) => getFeed({ tab, cursor: pageParam, location }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    // As long as the server keeps a snapshot: coming back from a post finds the feed as it was.
    staleTime: 5 * 60_000,
  });
}

export function useFeed(tab: FeedTab, location: GeoLocation | null, { enabled }: { enabled: boolean }) {
  return useInfiniteQuery({ ...getFeedQueryOptions(tab, location), enabled });
}
