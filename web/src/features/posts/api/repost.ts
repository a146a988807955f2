import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { patchPost } from '@/features/posts/api/keys';
import { api, isApiProblem } from '@/lib/api-client';

export const MAX_REPOST_COMMENT = 1000;

export const repostInputSchema = z.object({ comment: z.string().min(1).max(MAX_REPOST_COMMENT).optional() });
export type RepostInput = z.infer<typeof repostInputSchema>;

/** POST /posts/{id}/repost → 201; 409 when already reposted (then it is reposted: fine). */
export async function repostPost(id: string, input: RepostInput): Promise<'created' | 'existing'> {
  try {
    await api.post(`/posts/${encodeURIComponent(id)}/repost`, repostInputSchema.parse(input));
    return 'created';
  } catch (error) {
    if (isApiProblem(error) && error.status === 409) return 'existing';
    throw error;
  }
}

/** DELETE /posts/{id}/repost → 204. */
export function deleteRepost(id: string): Promise<void> {
  return api.delete(`/posts/${encodeURIComponent(id)}/repost`);
}

export function useRepost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment?: string }) => repostPost(id, comment ? { comment } : {}),
    onSuccess: (result, { id }) =>
      patchPost(queryClient, id, (post) =>
        post.viewer.reposted
          ? post
          : {
              ...post,
              viewer: { ...post.viewer, reposted: true },
              counts: { ...post.counts, reposts: post.counts.reposts + (result === 'created' ? 1 : 0) },
            },
      ),
  });
}

export function useDeleteRepost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRepost,
    onSuccess: (_result, id) =>
      patchPost(queryClient, id, (post) =>
        post.viewer.reposted
          ? { ...post, viewer: { ...post.viewer, reposted: false }, counts: { ...post.counts, reposts: Math.max(0, post.counts.reposts - 1) } }
          : post,
      ),
  });
}
