import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { chatSchema, type Chat } from '@/features/chats/types/chat';
import { upsertChat } from '@/features/chats/utils/chat-cache';

export const createChatInputSchema = z.object({
  participant_ids: z.array(z.string()).min(1),
  title: z.string().min(1).max(200).optional(),
});
export type CreateChatInput = z.infer<typeof createChatInputSchema>;

/** One participant and no title: the direct chat with that user, created if needed. */
export function createChat(input: CreateChatInput): Promise<Chat> {
  return api.post('/chats', createChatInputSchema.parse(input), { schema: chatSchema });
}

export function useCreateChat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createChat,
    onSuccess: (chat) => upsertChat(queryClient, chat),
  });
}
