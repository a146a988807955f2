import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useUser } from '@/lib/auth';
import { setFriendState } from '@/features/social/api/keys';

/** DELETE /friends/{user_id}: we are no longer friends (follows stay as they were). */
export function removeFriend(userId: string): Promise<void> {
  return api.delete(`/friends/${encodeURIComponent(userId)}`);
}

export function useRemoveFriend() {
  const queryClient = useQueryClient();
  const meId = useUser().data?.id;
  return useMutation({
    mutationFn: removeFriend,
    onSuccess: (_data, userId) => setFriendState(queryClient, userId, 'none', -1, meId),
  });
}
