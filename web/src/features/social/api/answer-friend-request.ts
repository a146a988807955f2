import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toaster';
import { api } from '@/lib/api-client';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import {
  invalidateFriendRequests,
  restoreRequests,
  setFriendState,
  takeOutRequest,
  type RequestsSnapshot,
} from '@/features/social/api/keys';

/** POST /friends/requests/{id}/accept (the addressee only); we are friends after it. */
export function acceptFriendRequest(requestId: string): Promise<void> {
  return api.post(`/friends/requests/${encodeURIComponent(requestId)}/accept`);
}

/** POST /friends/requests/{id}/decline (the addressee only); the sender is not told. */
export function declineFriendRequest(requestId: string): Promise<void> {
  return api.post(`/friends/requests/${encodeURIComponent(requestId)}/decline`);
}

export type AnswerInput = { requestId: string; otherId: string; accept: boolean };

/** Accepts or declines; the request leaves the inbox at once and comes back if the server refuses. */
export function useAnswerFriendRequest() {
  const queryClient = useQueryClient();
  const meId = useUser().data?.id;
  const { t } = useI18n();
  return useMutation<void, unknown, AnswerInput, RequestsSnapshot>({
    mutationFn: ({ requestId, accept }) => (accept ? acceptFriendRequest(requestId) : declineFriendRequest(requestId)),
    onMutate: ({ requestId }) => takeOutRequest(queryClient, requestId),
    onError: (error, _input, snapshot) => {
      restoreRequests(queryClient, snapshot);
      toast.error(t('social.request_failed'), problemMessage(error, t));
    },
    onSuccess: (_data, { otherId, accept }) => setFriendState(queryClient, otherId, accept ? 'friends' : 'none', accept ? 1 : 0, meId),
    onSettled: () => invalidateFriendRequests(queryClient),
  });
}
