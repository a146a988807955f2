import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { useUser } from '@/lib/auth';
import { invalidateFriendRequests, setFriendState } from '@/features/social/api/keys';
import { friendRequestSchema, type FriendRequest } from '@/features/social/types/social';

export const sendFriendRequestInputSchema = z.object({ user_id: z.string().min(1) });

/**
 * POST /friends/requests {user_id} → 201 pending; 200 with the same request when asked
 * again, or status "accepted" when they had already asked me.
 */
export function sendFriendRequest(userId: string): Promise<FriendRequest> {
  return api.post('/friends/requests', sendFriendRequestInputSchema.parse({ user_id: userId }), { schema: friendRequestSchema });
}

export function useSendFriendRequest() {
  const queryClient = useQueryClient();
  const meId = useUser().data?.id;
  return useMutation({
    mutationFn: sendFriendRequest,
    onSuccess: (request, userId) => {
      const accepted = request.status === 'accepted';
      setFriendState(queryClient, userId, accepted ? 'friends' : 'outgoing', accepted ? 1 : 0, meId);
      invalidateFriendRequests(queryClient);
    },
  });
}
