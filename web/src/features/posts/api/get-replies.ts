import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { postKeys } from '@/features/posts/api/keys';
import { repliesPageSchema, type RepliesPage } from '@/features/posts/types/comment';
import { api } from '@/lib/api-client';

export const REPLIES_PAGE_SIZE = 20;

/** GET /comments/{id}/replies: a comment's replies, oldest first (the first two included). */
export function getReplies(commentId: string, cursor: string | null, signal?: AbortSignal): Promise<RepliesPage> {
  const params = new URLSearchParams({ limit: String(REPLIES_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/comments/${encodeURIComponent(commentId)}/replies?${params}`, { schema: repliesPageSchema, signal });
}

export function getRepliesQueryOptions(commentId: string) {
  return infiniteQueryOptions({
    queryKey: postKeys.replies(commentId),
    queryFn: ({ pageParam, signal }) => getReplies(commentId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** Fetched only once the reader asks for more than the first replies. */
export function useReplies(commentId: string, { enabled }: { enabled: boolean }) {
  return useInfiniteQuery({ ...getRepliesQueryOptions(commentId), enabled });
}
