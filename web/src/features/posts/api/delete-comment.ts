import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Reply } from '@/features/posts/types/comment';
import { dropComment } from '@/features/posts/utils/comment-cache';
import { api } from '@/lib/api-client';

/** DELETE /comments/{id} → 204 (its author, or the post's author). */
export function deleteComment(id: string): Promise<void> {
  return api.delete(`/comments/${encodeURIComponent(id)}`);
}

export function useDeleteComment(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: Pick<Reply, 'id' | 'parent_id'>) => deleteComment(comment.id),
    onSuccess: (_result, comment) => dropComment(queryClient, postId, comment),
  });
}
