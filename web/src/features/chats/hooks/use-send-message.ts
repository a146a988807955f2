import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useRealtime } from '@/lib/realtime';
import { RealtimeError } from '@/lib/socket';
import { postMessage, type SendMessageInput } from '@/features/chats/api/send-message';
import {
  sendAckSchema,
  type Message,
  type MessageDraft,
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

/** What goes over the wire: a text, or a photo by its media id. */
function inputOf(out: OutgoingMessage): SendMessageInput {
  return out.type === 'image'
    ? { type: 'image', media_id: out.media.id, client_msg_id: out.client_msg_id }
    : { type: 'text', content: out.content, client_msg_id: out.client_msg_id };
}

/** The stored message an ack stands for: the ack carries only its id, seq and time. */
function storedFromAck(out: OutgoingMessage, ack: { message_id: string; seq: number; created_at: string }, chatId: string, meId: string): Message {
  return {
    id: ack.message_id,
    chat_id: chatId,
    seq: ack.seq,
    sender_id: meId,
    type: out.type,
    content: out.type === 'text' ? out.content : '',
    media: out.type === 'image' ? out.media : null,
    media_deleted: false,
    client_msg_id: out.client_msg_id,
    created_at: ack.created_at,
    edited_at: null,
    deleted: false,
  };
}

function newClientMsgId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}

/**
 * Optimistic sending. A message is shown at once as "sending" with a fresh client_msg_id, sent
 * over the socket when connected (else with POST), and replaced by the stored message on the
 * ack. A failed one stays as "not sent"; a retry reuses its client_msg_id, so the server
 * stores it once even if the first attempt did arrive. A photo goes the same way once it is
 * uploaded and ready, by its media id.
 */
export function useSendMessage(chatId: string) {
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const meId = useUser().data?.id ?? '';
  const { t } = useI18n();

  const setPending = useCallback(
    (id: string, patch: Pick<OutgoingMessage, 'status' | 'error'>) =>
      updateMessages(queryClient, chatId, (state) => ({
        ...state,
        pending: state.pending.map((p) => (p.client_msg_id === id ? { ...p, ...patch } : p)),
      })),
    [queryClient, chatId],
  );

  const deliver = useCallback(
    async (out: OutgoingMessage) => {
      setPending(out.client_msg_id, { status: 'sending', error: undefined });
      const input = inputOf(out);
      try {
        let message: Message | null = null;
        if (realtime.connected) {
          try {
            const ack = sendAckSchema.parse(await realtime.request('message:send', { chat_id: chatId, ...input }));
            if (ack.status === 'error') throw new SendRefused(ack.error.code, ack.error.message);
            message = storedFromAck(out, ack, chatId, meId);
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

  /** Sends a text, or a photo once it is uploaded and ready (by its media id). */
  const send = useCallback(
    (draft: MessageDraft) => {
      const out: OutgoingMessage = {
        ...draft,
        client_msg_id: newClientMsgId(),
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
