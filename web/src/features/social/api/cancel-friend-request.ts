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

/** DELETE /friends/requests/{id}: the sender takes a pending request back. */
export function cancelFriendRequest(requestId: string): Promise<void> {
  return api.delete(`/friends/requests/${encodeURIComponent(requestId)}`);
}

export type CancelInput = { requestId: string; otherId: string };

export function useCancelFriendRequest() {
  const queryClient = useQueryClient();
  const meId = useUser().data?.id;
  const { t } = useI18n();
  return useMutation<void, unknown, CancelInput, RequestsSnapshot>({
    mutationFn: ({ requestId }) => cancelFriendRequest(requestId),
    onMutate: ({ requestId }) => takeOutRequest(queryClient, requestId),
    onError: (error, _input, snapshot) => {
      restoreRequests(queryClient, snapshot);
      toast.error(t('social.request_failed'), problemMessage(error, t));
    },
    onSuccess: (_data, { otherId }) => setFriendState(queryClient, otherId, 'none', 0, meId),
    onSettled: () => invalidateFriendRequests(queryClient),
  });
}
