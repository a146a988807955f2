import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useUser } from '@/lib/auth';
import { useRealtime, useRealtimeConnected, useRealtimeEvent, useRealtimeStatus } from '@/lib/realtime';
import { useChats } from '@/features/chats/api/get-chats';
import { chatKeys } from '@/features/chats/api/keys';
import { useTypingExpiry } from '@/features/chats/hooks/use-typing';
import {
  chatSchema,
  messageSchema,
  presenceEventSchema,
  typingEventSchema,
  watermarksSchema,
} from '@/features/chats/types/chat';
import {
  applyMessage,
  applyMessageUpdate,
  applyPresence,
  applyWatermarks,
  chatsInList,
  patchChat,
  upsertChat,
} from '@/features/chats/utils/chat-cache';

/**
 * Feeds the chat caches from the socket; mounted once for the signed-in app. On every
 * (re)connect it catches up each conversation held in the cache (`after_seq`, merged by seq)
 * and refreshes the list; every message received is acknowledged as delivered.
 */
export function useChatRealtime(): void {
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const status = useRealtimeStatus();
  const meId = useUser().data?.id;
  const me = useRef(meId);
  me.current = meId;
  const chats = useChats();
  const setTyping = useTypingExpiry();
  // Highest seq acknowledged as delivered per chat, so the same mark is not sent twice.
  const delivered = useRef(new Map<string, number>());

  const markDelivered = useCallback(
    (chatId: string, seq: number) => {
      if ((delivered.current.get(chatId) ?? 0) >= seq || !realtime.connected) return;
      delivered.current.set(chatId, seq);
      patchChat(queryClient, chatId, (chat) => ({ ...chat, delivered_seq: Math.max(chat.delivered_seq, seq) }));
      realtime.request('message:delivered', { chat_id: chatId, up_to_seq: seq }).catch(() => {
        // Not acknowledged: allow a later attempt (the next connect or message).
        if (delivered.current.get(chatId) === seq) delivered.current.delete(chatId);
      });
    },
    [queryClient, realtime],
  );

  useRealtimeEvent('message:new', (payload) => {
    const parsed = messageSchema.safeParse(payload);
    if (!parsed.success) return;
    const message = parsed.data;
    if (!applyMessage(queryClient, message, me.current)) {
      // A chat this tab has not seen yet (someone wrote first).
      void queryClient.invalidateQueries({ queryKey: chatKeys.list() });
    }
    setTyping(message.chat_id, message.sender_id, false);
    if (message.sender_id !== me.current) markDelivered(message.chat_id, message.seq);
  });

  useRealtimeEvent('message:updated', (payload) => {
    const parsed = messageSchema.safeParse(payload);
    if (parsed.success) applyMessageUpdate(queryClient, parsed.data);
  });

  useRealtimeEvent('message:status', (payload) => {
    const parsed = watermarksSchema.safeParse(payload);
    if (parsed.success) applyWatermarks(queryClient, parsed.data, me.current);
  });

  useRealtimeEvent('typing', (payload) => {
    const parsed = typingEventSchema.safeParse(payload);
    if (parsed.success && parsed.data.user_id !== me.current) {
      setTyping(parsed.data.chat_id, parsed.data.user_id, parsed.data.is_typing);
    }
  });

  useRealtimeEvent('presence', (payload) => {
    const parsed = presenceEventSchema.safeParse(payload);
    if (parsed.success) applyPresence(queryClient, parsed.data);
  });

  useRealtimeEvent('chat:updated', (payload) => {
    const parsed = chatSchema.safeParse(payload);
    if (parsed.success) upsertChat(queryClient, parsed.data);
  });

  useRealtimeConnected(() => {
    // Whatever happened while we were away: new messages, edits, watermarks, presence.
    void queryClient.refetchQueries({ queryKey: chatKeys.allMessages() });
    void queryClient.invalidateQueries({ queryKey: chatKeys.list() }, { cancelRefetch: false });
    void queryClient.invalidateQueries({ queryKey: chatKeys.details() }, { cancelRefetch: false });
  });

  // Messages that reached me while the socket was down are delivered now that we know of them.
  useEffect(() => {
    if (status !== 'connected' || !meId) return;
    for (const chat of chatsInList(queryClient)) {
      if (chat.last_seq > chat.delivered_seq && chat.last_message?.sender_id !== meId) {
        markDelivered(chat.id, chat.last_seq);
      }
    }
  }, [chats.data, status, meId, queryClient, markDelivered]);
}
