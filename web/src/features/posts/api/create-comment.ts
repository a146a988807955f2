import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { commentSchema, MAX_COMMENT_LENGTH, type Comment } from '@/features/posts/types/comment';
import { addComment, bumpCommentCount } from '@/features/posts/utils/comment-cache';
import { api } from '@/lib/api-client';

export const createCommentInputSchema = z.object({
  text: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
  /** A top-level comment: the server attaches a reply to a reply to its top-level comment anyway. */
  parent_id: z.string().optional(),
});
export type CreateCommentInput = z.infer<typeof createCommentInputSchema>;

/** POST /posts/{id}/comments → 201 Comment. */
export function createComment(postId: string, input: CreateCommentInput): Promise<Comment> {
  return api.post(`/posts/${encodeURIComponent(postId)}/comments`, createCommentInputSchema.parse(input), { schema: commentSchema });
}

export function useCreateComment(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommentInput) => createComment(postId, input),
    // Counted at once and taken back on failure; see bumpCommentCount.
    onMutate: () => bumpCommentCount(queryClient, postId, 1),
    onError: () => bumpCommentCount(queryClient, postId, -1),
    onSuccess: (comment) => addComment(queryClient, comment),
  });
}
