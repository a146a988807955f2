import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { useRealtimeConnected, useRealtimeEvent } from '@/lib/realtime';
import { invalidateFriendRequests, socialKeys } from '@/features/social/api/keys';

// Only what this feature needs of a notification; the notifications feature parses the rest.
const noticeTypeSchema = z.object({ type: z.string() });

const GRAPH_TYPES = new Set(['friend_request', 'friend_accepted', 'new_follower']);

/**
 * Keeps the friend-request badge and inbox and the profiles' counts current from the live
 * notifications (`notification:new`); mounted once for the signed-in app.
 */
export function useSocialRealtime(): void {
  const queryClient = useQueryClient();

  useRealtimeEvent('notification:new', (payload) => {
    const parsed = noticeTypeSchema.safeParse(payload);
    if (!parsed.success || !GRAPH_TYPES.has(parsed.data.type)) return;
    if (parsed.data.type !== 'new_follower') invalidateFriendRequests(queryClient);
    // Their relationship to me and my counts changed; what is on screen reloads, the rest when shown.
    void queryClient.invalidateQueries({ queryKey: socialKeys.profiles() });
  });

  // Whatever arrived while the socket was down.
  useRealtimeConnected(() => invalidateFriendRequests(queryClient));
}
