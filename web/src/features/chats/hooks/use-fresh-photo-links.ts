import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { reloadMessages } from '@/features/chats/api/get-messages';

/**
 * For photos whose signed links have expired (an open tab, 15 minutes on): reads the
 * conversation's messages again, which brings newly signed links. Photos failing together
 * share one reload; each photo asks once until it loads again (message-photo.tsx).
 */
export function useFreshPhotoLinks(chatId: string): (aroundSeq?: number) => void {
  const queryClient = useQueryClient();
  const running = useRef<Promise<void> | null>(null);
  return useCallback(
    (aroundSeq?: number) => {
      if (running.current) return;
      running.current = reloadMessages(queryClient, chatId, aroundSeq)
        // Nothing to tell: the photo keeps its "unavailable" tile.
        .catch(() => undefined)
        .finally(() => {
          running.current = null;
        });
    },
    [queryClient, chatId],
  );
}
