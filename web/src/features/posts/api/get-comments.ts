import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { postKeys } from '@/features/posts/api/keys';
import { commentsPageSchema, type CommentsPage } from '@/features/posts/types/comment';
import { api } from '@/lib/api-client';

export const COMMENTS_PAGE_SIZE = 20;

/** GET /posts/{id}/comments: top-level comments, oldest first, each with its first two replies. */
export function getComments(postId: string, cursor: string | null, signal?: AbortSignal): Promise<CommentsPage> {
  const params = new URLSearchParams({ limit: String(COMMENTS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/posts/${encodeURIComponent(postId)}/comments?${params}`, { schema: commentsPageSchema, signal });
}

export function getCommentsQueryOptions(postId: string) {
  return infiniteQueryOptions({
    queryKey: postKeys.comments(postId),
    queryFn: ({ pageParam, signal }) => getComments(postId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useComments(postId: string) {
  return useInfiniteQuery(getCommentsQueryOptions(postId));
}
