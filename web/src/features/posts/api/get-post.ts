import { queryOptions, useQuery } from '@tanstack/react-query';
import { postKeys } from '@/features/posts/api/keys';
import { api } from '@/lib/api-client';
import { postSchema, type Post } from '@/types/api';

/** GET /posts/{id}: 404 when deleted, or when its author and the viewer block each other. */
export function getPost(id: string, signal?: AbortSignal): Promise<Post> {
  return api.get(`/posts/${encodeURIComponent(id)}`, { schema: postSchema, signal });
}

export function getPostQueryOptions(id: string) {
  return queryOptions({ queryKey: postKeys.detail(id), queryFn: ({ signal }) => getPost(id, signal) });
}

export function usePost(id: string) {
  return useQuery(getPostQueryOptions(id));
}
