import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { toast } from '@/components/ui/toaster';
import { api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import {
  invalidateUnreadCount,
  markReadInCache,
  notificationKeys,
  setUnreadCount,
  type NotificationsData,
} from '@/features/notifications/api/keys';
import type { UnreadCount } from '@/features/notifications/types/notification';

export const markReadInputSchema = z.union([
  z.object({ ids: z.array(z.string()).min(1) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadInput = z.infer<typeof markReadInputSchema>;

/** POST /notifications/read → 204. */
export function markNotificationsRead(input: MarkReadInput): Promise<void> {
  return api.post('/notifications/read', markReadInputSchema.parse(input));
}

type Snapshot = { list: NotificationsData | undefined; unread: UnreadCount | undefined };

/** Shows the items read at once; puts them back if the server refuses. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  const { t } = useI18n();
  return useMutation<void, unknown, MarkReadInput, Snapshot>({
    mutationFn: markNotificationsRead,
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.list() });
      const snapshot: Snapshot = {
        list: queryClient.getQueryData<NotificationsData>(notificationKeys.list()),
        unread: queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount()),
      };
      const marked = markReadInCache(queryClient, 'all' in input ? 'all' : input.ids);
      if (snapshot.unread) {
        setUnreadCount(queryClient, 'all' in input ? 0 : Math.max(0, snapshot.unread.count - marked));
      }
      return snapshot;
    },
    onError: (_error, _input, snapshot) => {
      toast.error(t('notifications.mark_read_failed'));
      if (snapshot?.list) queryClient.setQueryData(notificationKeys.list(), snapshot.list);
      if (snapshot?.unread) queryClient.setQueryData(notificationKeys.unreadCount(), snapshot.unread);
    },
    // The server's own count wins (it also sends `notification:unread`).
    onSettled: () => invalidateUnreadCount(queryClient),
  });
}
