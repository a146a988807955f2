import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toaster';
import { api } from '@/lib/api-client';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { patchCardInLists, patchProfile, socialKeys } from '@/features/social/api/keys';
import type { Profile } from '@/features/social/types/social';

/** PUT /users/{id}/follow → 204 (idempotent); following yourself is a 422. */
export function followUser(userId: string): Promise<void> {
  return api.put(`/users/${encodeURIComponent(userId)}/follow`);
}

/** DELETE /users/{id}/follow → 204. */
export function unfollowUser(userId: string): Promise<void> {
  return api.delete(`/users/${encodeURIComponent(userId)}/follow`);
}

export type FollowInput = { userId: string; follow: boolean; wasFollowing: boolean };
type Snapshot = { target: Profile | undefined; me: Profile | undefined; meId: string | undefined };

function bump(profile: Profile, field: 'followers' | 'following', by: number): Profile {
  return { ...profile, counts: { ...profile.counts, [field]: Math.max(0, profile.counts[field] + by) } };
}

/**
 * Follows or unfollows at once on screen (the button, their follower count, my following
 * count, their card in any list); puts everything back with a toast if the server refuses.
 */
export function useFollowUser() {
  const queryClient = useQueryClient();
  const meId = useUser().data?.id;
  const { t } = useI18n();
  return useMutation<void, unknown, FollowInput, Snapshot>({
    mutationFn: ({ userId, follow }) => (follow ? followUser(userId) : unfollowUser(userId)),
    onMutate: async ({ userId, follow, wasFollowing }) => {
      await queryClient.cancelQueries({ queryKey: socialKeys.profile(userId) });
      const snapshot: Snapshot = {
        target: queryClient.getQueryData<Profile>(socialKeys.profile(userId)),
        me: meId ? queryClient.getQueryData<Profile>(socialKeys.profile(meId)) : undefined,
        meId,
      };
      const by = follow === wasFollowing ? 0 : follow ? 1 : -1;
      patchProfile(queryClient, userId, (p) => bump({ ...p, relationship: { ...p.relationship, following: follow } }, 'followers', by));
      if (meId) patchProfile(queryClient, meId, (p) => bump(p, 'following', by));
      patchCardInLists(queryClient, userId, { following: follow });
      return snapshot;
    },
    onError: (error, { userId, wasFollowing }, snapshot) => {
      toast.error(t('social.follow_failed'), problemMessage(error, t));
      if (snapshot?.target) queryClient.setQueryData(socialKeys.profile(userId), snapshot.target);
      if (snapshot?.me && snapshot.meId) queryClient.setQueryData(socialKeys.profile(snapshot.meId), snapshot.me);
      patchCardInLists(queryClient, userId, { following: wasFollowing });
    },
    onSuccess: (_data, { userId }) => {
      // Their followers and my following lists reload when next shown; an open list keeps
      // the card, so an accidental tap can be undone.
      void queryClient.invalidateQueries({ queryKey: socialKeys.list('followers', userId), refetchType: 'none' });
      if (meId) void queryClient.invalidateQueries({ queryKey: socialKeys.list('following', meId), refetchType: 'none' });
    },
  });
}
