import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useRealtime } from '@/lib/realtime';
import { chatKeys } from '@/features/chats/api/keys';

/** Send `typing: true` at most this often while the user keeps typing. */
export const TYPING_THROTTLE_MS = 2_000;
/** Stop "typing" after this long without a keystroke. */
export const TYPING_IDLE_MS = 3_000;
/** Forget someone's "typing" if their "stopped" never arrives. */
export const TYPING_EXPIRY_MS = 6_000;

// Who is typing lives in the query cache (per chat, a list of user ids) so that it is reset
// with everything else on log-out; the expiry timers live with the realtime hook.

export function setTyping(queryClient: QueryClient, chatId: string, userId: string, isTyping: boolean): void {
  queryClient.setQueryData<string[]>(chatKeys.typing(chatId), (ids = []) => {
    const has = ids.includes(userId);
    if (isTyping) return has ? ids : [...ids, userId];
    return has ? ids.filter((id) => id !== userId) : ids;
  });
}

/** The ids of the users typing in `chatId` now. */
export function useTypingUsers(chatId: string): string[] {
  const query = useQuery<string[]>({
    queryKey: chatKeys.typing(chatId),
    queryFn: () => [],
    initialData: [],
    staleTime: Infinity,
  });
  return query.data;
}

/**
 * Emits `typing` for my keystrokes: true at most every TYPING_THROTTLE_MS, false after
 * TYPING_IDLE_MS of quiet, on send and when the conversation closes.
 */
export function useTypingEmitter(chatId: string) {
  const realtime = useRealtime();
  const typing = useRef(false);
  const lastSent = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const stop = useCallback(() => {
    clearTimeout(idleTimer.current);
    if (!typing.current) return;
    typing.current = false;
    lastSent.current = 0;
    realtime.emit('typing', { chat_id: chatId, is_typing: false });
  }, [realtime, chatId]);

  const onInput = useCallback(() => {
    const now = Date.now();
    if (!typing.current || now - lastSent.current >= TYPING_THROTTLE_MS) {
      if (realtime.emit('typing', { chat_id: chatId, is_typing: true })) {
        typing.current = true;
        lastSent.current = now;
      }
    }
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stop, TYPING_IDLE_MS);
  }, [realtime, chatId, stop]);

  useEffect(() => stop, [stop]);

  return { onInput, stop };
}

/** Shared by the realtime hook: clears a typing flag after TYPING_EXPIRY_MS. */
export function useTypingExpiry() {
  const queryClient = useQueryClient();
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const timer of all.values()) clearTimeout(timer);
      all.clear();
    };
  }, []);

  return useCallback(
    (chatId: string, userId: string, isTyping: boolean) => {
      const key = `${chatId}:${userId}`;
      clearTimeout(timers.current.get(key));
      timers.current.delete(key);
      setTyping(queryClient, chatId, userId, isTyping);
      if (isTyping) {
        timers.current.set(
          key,
          setTimeout(() => {
            timers.current.delete(key);
            setTyping(queryClient, chatId, userId, false);
          }, TYPING_EXPIRY_MS),
        );
      }
    },
    [queryClient],
  );
}
