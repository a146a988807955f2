import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { postKeys } from '@/features/posts/api/keys';
import { api } from '@/lib/api-client';
import { postsPageSchema, type PostsPage } from '@/types/api';

export const USER_POSTS_PAGE_SIZE = 24;

/** GET /users/{id}/posts: the user's own posts, newest first, with a cursor. */
export function getUserPosts(userId: string, cursor: string | null, signal?: AbortSignal): Promise<PostsPage> {
  const params = new URLSearchParams({ limit: String(USER_POSTS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/users/${encodeURIComponent(userId)}/posts?${params}`, { schema: postsPageSchema, signal });
}

export function getUserPostsQueryOptions(userId: string) {
  return infiniteQueryOptions({
    queryKey: postKeys.userPosts(userId),
    queryFn: ({ pageParam, signal }) => getUserPosts(userId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useUserPosts(userId: string) {
  return useInfiniteQuery(getUserPostsQueryOptions(userId));
}
