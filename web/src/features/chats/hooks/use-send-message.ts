import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useRealtime } from '@/lib/realtime';
import { RealtimeError } from '@/lib/socket';
import { postMessage } from '@/features/chats/api/send-message';
import {
  sendAckSchema,
  type Message,
  type MessageType,
  type OutgoingMessage,
} from '@/features/chats/types/chat';
import { applyMessage, updateMessages } from '@/features/chats/utils/chat-cache';

class SendRefused extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function newClientMsgId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}

/**
 * Optimistic sending. A message is shown at once as "sending" with a fresh client_msg_id, sent
 * over the socket when connected (else with POST), and replaced by the stored message on the
 * ack. A failed one stays as "not sent"; a retry reuses its client_msg_id, so the server
 * stores it once even if the first attempt did arrive.
 */
export function useSendMessage(chatId: string) {
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const meId = useUser().data?.id ?? '';
  const { t } = useI18n();

  const setPending = useCallback(
    (id: string, patch: Partial<OutgoingMessage>) =>
      updateMessages(queryClient, chatId, (state) => ({
        ...state,
        pending: state.pending.map((p) => (p.client_msg_id === id ? { ...p, ...patch } : p)),
      })),
    [queryClient, chatId],
  );

  const deliver = useCallback(
    async (out: OutgoingMessage) => {
      setPending(out.client_msg_id, { status: 'sending', error: undefined });
      const input = { type: out.type, content: out.content, client_msg_id: out.client_msg_id };
      try {
        let message: Message | null = null;
        if (realtime.connected) {
          try {
            const ack = sendAckSchema.parse(await realtime.request('message:send', { chat_id: chatId, ...input }));
            if (ack.status === 'error') throw new SendRefused(ack.error.code, ack.error.message);
            message = {
              id: ack.message_id,
              chat_id: chatId,
              seq: ack.seq,
              sender_id: meId,
              ...input,
              created_at: ack.created_at,
              edited_at: null,
              deleted: false,
            };
          } catch (error) {
            // The connection dropped or timed out mid-send: POST it (same client_msg_id).
            if (!(error instanceof RealtimeError)) throw error;
          }
        }
        message ??= await postMessage(chatId, input);
        applyMessage(queryClient, message, meId);
      } catch (error) {
        const text =
          error instanceof SendRefused
            ? error.code === 'blocked' || error.code === 'forbidden'
              ? t('chats.error_blocked')
              : error.message || t('errors.generic')
            : problemMessage(error, t);
        setPending(out.client_msg_id, { status: 'failed', error: text });
      }
    },
    [chatId, meId, queryClient, realtime, setPending, t],
  );

  const send = useCallback(
    (type: MessageType, content: string) => {
      const out: OutgoingMessage = {
        client_msg_id: newClientMsgId(),
        type,
        content,
        created_at: new Date().toISOString(),
        status: 'sending',
      };
      updateMessages(queryClient, chatId, (state) => ({ ...state, pending: [...state.pending, out] }));
      void deliver(out);
    },
    [chatId, deliver, queryClient],
  );

  const retry = useCallback((out: OutgoingMessage) => void deliver(out), [deliver]);

  const discard = useCallback(
    (out: OutgoingMessage) =>
      updateMessages(queryClient, chatId, (state) => ({
        ...state,
        pending: state.pending.filter((p) => p.client_msg_id !== out.client_msg_id),
      })),
    [chatId, queryClient],
  );

  return { send, retry, discard };
}
