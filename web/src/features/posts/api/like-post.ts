import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toaster';
import { patchPost } from '@/features/posts/api/keys';
import { api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';

/** PUT /posts/{id}/like → 204 (idempotent). */
export function likePost(id: string): Promise<void> {
  return api.put(`/posts/${encodeURIComponent(id)}/like`);
}

/** DELETE /posts/{id}/like → 204 (idempotent). */
export function unlikePost(id: string): Promise<void> {
  return api.delete(`/posts/${encodeURIComponent(id)}/like`);
}

type LikeInput = { id: string; like: boolean };

function setLiked(queryClient: ReturnType<typeof useQueryClient>, id: string, like: boolean): void {
  patchPost(queryClient, id, (post) =>
    post.viewer.liked === like
      ? post
      : { ...post, viewer: { ...post.viewer, liked: like }, counts: { ...post.counts, likes: Math.max(0, post.counts.likes + (like ? 1 : -1)) } },
  );
}

/** Likes or unlikes at once, everywhere the post is shown; puts it back with a toast if the server refuses. */
export function useLikePost() {
  const queryClient = useQueryClient();
  const { t } = useI18n();
  return useMutation<void, unknown, LikeInput>({
    mutationFn: ({ id, like }) => (like ? likePost(id) : unlikePost(id)),
    onMutate: ({ id, like }) => setLiked(queryClient, id, like),
    onError: (error, { id, like }) => {
      setLiked(queryClient, id, !like);
      toast.error(t(like ? 'posts.like_failed' : 'posts.unlike_failed'), problemMessage(error, t));
    },
  });
}
