import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { forgetUser } from '@/features/social/api/keys';

export function blockUser(userId: string): Promise<void> {
  return api.put(`/users/${encodeURIComponent(userId)}/block`);
}

export function unblockUser(userId: string): Promise<void> {
  return api.delete(`/users/${encodeURIComponent(userId)}/block`);
}

export function useBlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, blocked }: { userId: string; blocked: boolean }) =>
      blocked ? blockUser(userId) : unblockUser(userId),
    // A block ends follows and friendship and hides the profile (the social feature's caches).
    onSuccess: (_data, { userId }) => forgetUser(queryClient, userId),
  });
}
