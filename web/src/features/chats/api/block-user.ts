import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function blockUser(userId: string): Promise<void> {
  return api.put(`/users/${encodeURIComponent(userId)}/block`);
}

export function unblockUser(userId: string): Promise<void> {
  return api.delete(`/users/${encodeURIComponent(userId)}/block`);
}

export function useBlockUser() {
  return useMutation({
    mutationFn: ({ userId, blocked }: { userId: string; blocked: boolean }) =>
      blocked ? blockUser(userId) : unblockUser(userId),
  });
}
