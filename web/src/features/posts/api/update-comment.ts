import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { MAX_COMMENT_LENGTH, replySchema, type Reply } from '@/features/posts/types/comment';
import { replaceComment } from '@/features/posts/utils/comment-cache';
import { api } from '@/lib/api-client';

export const updateCommentInputSchema = z.object({ text: z.string().trim().min(1).max(MAX_COMMENT_LENGTH) });
export type UpdateCommentInput = z.infer<typeof updateCommentInputSchema>;

/** PATCH /comments/{id} (its author only) → the comment. */
export function updateComment(id: string, input: UpdateCommentInput): Promise<Reply> {
  return api.patch(`/comments/${encodeURIComponent(id)}`, updateCommentInputSchema.parse(input), { schema: replySchema });
}

export function useUpdateComment(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => updateComment(id, { text }),
    onSuccess: (saved) => replaceComment(queryClient, postId, saved),
  });
}
