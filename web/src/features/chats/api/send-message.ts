import { z } from 'zod';
import { api } from '@/lib/api-client';
import { MESSAGE_MAX_LENGTH, messageSchema, type Message } from '@/features/chats/types/chat';

export const sendMessageInputSchema = z.object({
  type: z.enum(['text', 'image']),
  content: z.string().min(1).max(MESSAGE_MAX_LENGTH),
  client_msg_id: z.string().min(1),
});
export type SendMessageInput = z.infer<typeof sendMessageInputSchema>;

/** REST fallback of `message:send`: 201 when stored, 200 when `client_msg_id` was already stored. */
export function postMessage(chatId: string, input: SendMessageInput): Promise<Message> {
  return api.post(`/chats/${encodeURIComponent(chatId)}/messages`, input, { schema: messageSchema });
}
