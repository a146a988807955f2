import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { forgetUser, socialKeys } from '@/features/social/api/keys';

// The same endpoints as the chats feature's block button (features/chats/api/block-user.ts),
// with the social graph's cache effects: a block ends follows and friendship both ways and
// makes each profile a 404 to the other.

/** PUT /users/{id}/block → 204. */
export function blockUser(userId: string): Promise<void> {
  return api.put(`/users/${encodeURIComponent(userId)}/block`);
}

/** DELETE /users/{id}/block → 204. */
export function unblockUser(userId: string): Promise<void> {
  return api.delete(`/users/${encodeURIComponent(userId)}/block`);
}

/** `onBlocked` runs first (e.g. leaves their profile), then their cached profile is dropped. */
export function useBlockUser({ onBlocked }: { onBlocked?: (userId: string) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: blockUser,
    onSuccess: (_data, userId) => {
      onBlocked?.(userId);
      forgetUser(queryClient, userId);
      // My own counts lost whatever tied us.
      void queryClient.invalidateQueries({ queryKey: socialKeys.profiles() });
    },
  });
}

export function useUnblockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unblockUser,
    onSuccess: (_data, userId) => {
      queryClient.removeQueries({ queryKey: socialKeys.profile(userId) });
      void queryClient.invalidateQueries({ queryKey: socialKeys.blocks() });
    },
  });
}
