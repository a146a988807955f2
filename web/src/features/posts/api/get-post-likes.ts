import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { postKeys } from '@/features/posts/api/keys';
import { api } from '@/lib/api-client';
import { pageSchema, userCardSchema } from '@/types/api';
import type { z } from 'zod';

export const likesPageSchema = pageSchema(userCardSchema);
export type LikesPage = z.infer<typeof likesPageSchema>;

/** GET /posts/{id}/likes: who liked it (without anyone blocked either way). */
export function getPostLikes(postId: string, cursor: string | null, signal?: AbortSignal): Promise<LikesPage> {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/posts/${encodeURIComponent(postId)}/likes?${params}`, { schema: likesPageSchema, signal });
}

export function getPostLikesQueryOptions(postId: string) {
  return infiniteQueryOptions({
    queryKey: postKeys.likes(postId),
    queryFn: ({ pageParam, signal }) => getPostLikes(postId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function usePostLikes(postId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...getPostLikesQueryOptions(postId), enabled });
}
