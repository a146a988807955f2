import { z } from 'zod';
import { api } from '@/lib/api-client';
import { MESSAGE_MAX_LENGTH, messageSchema, type Message } from '@/features/chats/types/chat';

/**
 * A text, or a photo by its media id: one the sender uploaded with purpose "chat" and that is
 * ready. An image by URL (`content: <url>`) is no longer accepted (422).
 */
export const sendMessageInputSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    content: z.string().min(1).max(MESSAGE_MAX_LENGTH),
    client_msg_id: z.string().min(1),
  }),
  z.object({ type: z.literal('image'), media_id: z.string().min(1), client_msg_id: z.string().min(1) }),
]);
export type SendMessageInput = z.infer<typeof sendMessageInputSchema>;

/** REST fallback of `message:send`: 201 when stored, 200 when `client_msg_id` was already stored. */
export function postMessage(chatId: string, input: SendMessageInput): Promise<Message> {
  return api.post(`/chats/${encodeURIComponent(chatId)}/messages`, input, { schema: messageSchema });
}
