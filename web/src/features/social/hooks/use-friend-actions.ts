import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from '@/components/ui/toaster';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useAnswerFriendRequest } from '@/features/social/api/answer-friend-request';
import { useCancelFriendRequest } from '@/features/social/api/cancel-friend-request';
import { socialKeys } from '@/features/social/api/keys';
import { useRemoveFriend } from '@/features/social/api/remove-friend';
import { useSendFriendRequest } from '@/features/social/api/send-friend-request';
import type { FriendRequest, Profile, RequestDirection } from '@/features/social/types/social';
import { findPendingRequest } from '@/features/social/utils/find-request';

/** What the friend button of a profile can do, whatever state our friendship is in. */
export function useFriendActions(profile: Profile) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const send = useSendFriendRequest();
  const answer = useAnswerFriendRequest();
  const cancel = useCancelFriendRequest();
  const remove = useRemoveFriend();
  const [finding, setFinding] = useState(false);
  const failed = (error: unknown) => toast.error(t('social.request_failed'), problemMessage(error, t));

  /** Finds the pending request, then runs `act` on it (whose errors the mutation reports). */
  const withRequest = async (direction: RequestDirection, act: (request: FriendRequest) => void) => {
    setFinding(true);
    let request: FriendRequest | null;
    try {
      request = await findPendingRequest(queryClient, profile.id, direction);
    } catch (error) {
      failed(error);
      return;
    } finally {
      setFinding(false);
    }
    if (request) {
      act(request);
      return;
    }
    // Answered or taken back meanwhile: show what is true now.
    toast.info(t('social.request_gone'));
    void queryClient.invalidateQueries({ queryKey: socialKeys.profile(profile.id) });
  };

  return {
    pending: finding || send.isPending || answer.isPending || cancel.isPending || remove.isPending,
    add: () =>
      send.mutate(profile.id, {
        onSuccess: (request) => {
          if (request.status === 'accepted') toast.success(t('social.friend.now_friends', { name: profile.name }));
        },
        onError: failed,
      }),
    cancel: () => withRequest('outgoing', (r) => cancel.mutate({ requestId: r.id, otherId: profile.id })),
    accept: () =>
      withRequest('incoming', (r) =>
        answer.mutate(
          { requestId: r.id, otherId: profile.id, accept: true },
          { onSuccess: () => toast.success(t('social.friend.now_friends', { name: profile.name })) },
        ),
      ),
    decline: () => withRequest('incoming', (r) => answer.mutate({ requestId: r.id, otherId: profile.id, accept: false })),
    unfriend: () =>
      remove.mutate(profile.id, {
        onSuccess: () => toast.info(t('social.friend.removed', { name: profile.name })),
        onError: failed,
      }),
  };
}
