import { useMutation, useQueryClient } from '@tanstack/react-query';
import { removePost } from '@/features/posts/api/keys';
import { api } from '@/lib/api-client';

/** DELETE /posts/{id} → 204: gone everywhere at once. */
export function deletePost(id: string): Promise<void> {
  return api.delete(`/posts/${encodeURIComponent(id)}`);
}

export function useDeletePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePost,
    onSuccess: (_result, id) => removePost(queryClient, id),
  });
}
