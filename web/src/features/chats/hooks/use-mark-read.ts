import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useRealtime } from '@/lib/realtime';
import { postRead } from '@/features/chats/api/mark-read';
import type { Chat } from '@/features/chats/types/chat';
import { markReadLocally } from '@/features/chats/utils/chat-cache';

function subscribeVisibility(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}
const isVisible = () => document.visibilityState !== 'hidden';

/** Marks the conversation read up to `upToSeq` while it is on screen (the tab is visible). */
export function useMarkRead(chat: Chat | undefined, upToSeq: number): void {
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const visible = useSyncExternalStore(subscribeVisibility, isVisible, isVisible);
  const sent = useRef(0);

  const chatId = chat?.id;
  const readSeq = chat?.read_seq ?? 0;
  useEffect(() => {
    if (!chatId || !visible || upToSeq <= readSeq || upToSeq <= sent.current) return;
    sent.current = upToSeq;
    markReadLocally(queryClient, chatId, upToSeq);
    const input = { chat_id: chatId, up_to_seq: upToSeq };
    const viaRest = () => postRead(chatId, { up_to_seq: upToSeq }).catch(() => undefined);
    if (realtime.connected) realtime.request('message:read', input).catch(viaRest);
    else void viaRest();
  }, [chatId, visible, upToSeq, readSeq, queryClient, realtime]);
}
