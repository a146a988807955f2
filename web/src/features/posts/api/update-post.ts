import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { MAX_POST_TEXT } from '@/features/posts/api/create-post';
import { patchPost } from '@/features/posts/api/keys';
import { api } from '@/lib/api-client';
import { postSchema, type Post } from '@/types/api';

export const updatePostInputSchema = z
  .object({
    text: z.string().max(MAX_POST_TEXT),
    category_id: z.string().nullable(),
    service_id: z.string().nullable(),
  })
  .partial();
export type UpdatePostInput = z.infer<typeof updatePostInputSchema>;

/** PATCH /posts/{id} (the author): text, category, service; sets edited_at. */
export function updatePost(id: string, input: UpdatePostInput): Promise<Post> {
  return api.patch(`/posts/${encodeURIComponent(id)}`, updatePostInputSchema.parse(input), { schema: postSchema });
}

export function useUpdatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdatePostInput }) => updatePost(id, input),
    // The viewer's marks and the live counts stay as the cache has them.
    onSuccess: (saved) => patchPost(queryClient, saved.id, (post) => ({ ...saved, counts: post.counts, viewer: post.viewer })),
  });
}
