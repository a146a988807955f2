import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { prependPost } from '@/features/posts/api/keys';
import { api } from '@/lib/api-client';
import { postSchema, type Post } from '@/types/api';

export const MAX_POST_TEXT = 2200;
export const MAX_POST_PHOTOS = 10;

export const createPostInputSchema = z.object({
  text: z.string().max(MAX_POST_TEXT),
  media_ids: z.array(z.string()).min(1).max(MAX_POST_PHOTOS),
  category_id: z.string().optional(),
  service_id: z.string().optional(),
});
export type CreatePostInput = z.infer<typeof createPostInputSchema>;

/** POST /posts → 201 Post (masters only: a client gets 403). */
export function createPost(input: CreatePostInput): Promise<Post> {
  return api.post('/posts', createPostInputSchema.parse(input), { schema: postSchema });
}

/** Publishes; the post goes to the top of the loaded feed tabs and of the author's grid. */
export function useCreatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPost,
    onSuccess: (post) => prependPost(queryClient, post),
  });
}
