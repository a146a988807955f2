import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { patchPost } from '@/features/posts/api/keys';
import { postWatchRegistry } from '@/features/posts/hooks/post-watch-registry';
import { useRealtime, useRealtimeConnected, useRealtimeEvent } from '@/lib/realtime';
import { postCountsSchema } from '@/types/api';

export const postUpdatedSchema = z.object({ id: z.string(), counts: postCountsSchema });

/**
 * Live counts of the posts on screen, mounted once for the signed-in app: `post:updated`
 * writes the counts wherever the post is cached; every (re)connect asks again for the posts
 * on screen. A server without it never answers: the counts stay as loaded.
 */
export function usePostsRealtime(): void {
  const queryClient = useQueryClient();
  const realtime = useRealtime();

  useRealtimeEvent('post:updated', (payload) => {
    const parsed = postUpdatedSchema.safeParse(payload);
    if (!parsed.success) return;
    const { id, counts } = parsed.data;
    patchPost(queryClient, id, (post) => ({ ...post, counts }));
  });

  useRealtimeConnected(() => postWatchRegistry(realtime).resubscribe());
}
