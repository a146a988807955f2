import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { patchProfile } from '@/features/social/api/keys';

/** The posts feature's key of the feed's tabs (features do not import each other). */
const FEED_QUERIES = ['posts', 'list', 'feed'] as const;

/** PUT /users/{id}/mute: their posts leave my feed; they are not told. */
export function muteUser(userId: string): Promise<void> {
  return api.put(`/users/${encodeURIComponent(userId)}/mute`);
}

/** DELETE /users/{id}/mute. */
export function unmuteUser(userId: string): Promise<void> {
  return api.delete(`/users/${encodeURIComponent(userId)}/mute`);
}

export function useMuteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, muted }: { userId: string; muted: boolean }) => (muted ? muteUser(userId) : unmuteUser(userId)),
    onSuccess: (_data, { userId, muted }) => {
      patchProfile(queryClient, userId, (p) => ({ ...p, relationship: { ...p.relationship, muted } }));
      // The feed's tabs (the posts feature keeps them under this key) load again without them.
      void queryClient.invalidateQueries({ queryKey: FEED_QUERIES });
    },
  });
}
