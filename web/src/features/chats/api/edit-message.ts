import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { MESSAGE_MAX_LENGTH, messageSchema, type Message } from '@/features/chats/types/chat';
import { applyMessageUpdate } from '@/features/chats/utils/chat-cache';

export const editMessageInputSchema = z.object({ content: z.string().min(1).max(MESSAGE_MAX_LENGTH) });
export type EditMessageInput = z.infer<typeof editMessageInputSchema>;

export function editMessage(message: Pick<Message, 'chat_id' | 'id'>, input: EditMessageInput): Promise<Message> {
  return api.patch(`/chats/${encodeURIComponent(message.chat_id)}/messages/${encodeURIComponent(message.id)}`, input, {
    schema: messageSchema,
  });
}

export function useEditMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ message, content }: { message: Message; content: string }) => editMessage(message, { content }),
    onSuccess: (message) => applyMessageUpdate(queryClient, message),
  });
}
