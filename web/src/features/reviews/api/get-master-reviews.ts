import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { reviewKeys } from '@/features/reviews/api/keys';
import { reviewsPageSchema, type ReviewsPage } from '@/types/api';

export const REVIEWS_PAGE_SIZE = 10;

/** Newest first. */
export function getMasterReviews(masterId: string, cursor: string | null, signal?: AbortSignal): Promise<ReviewsPage> {
  const params = new URLSearchParams({ limit: String(REVIEWS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/masters/${encodeURIComponent(masterId)}/reviews?${params}`, { schema: reviewsPageSchema, signal });
}

export function getMasterReviewsQueryOptions(masterId: string) {
  return infiniteQueryOptions({
    queryKey: reviewKeys.master(masterId),
    queryFn: ({ pageParam, signal }) => getMasterReviews(masterId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useMasterReviews(masterId: string) {
  return useInfiniteQuery(getMasterReviewsQueryOptions(masterId));
}
