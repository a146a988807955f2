import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Message } from '@/features/chats/types/chat';
import { applyMessageUpdate } from '@/features/chats/utils/chat-cache';

export function deleteMessage(message: Pick<Message, 'chat_id' | 'id'>): Promise<void> {
  return api.delete(`/chats/${encodeURIComponent(message.chat_id)}/messages/${encodeURIComponent(message.id)}`);
}

export function useDeleteMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: Message) => deleteMessage(message),
    // The server also sends message:updated; show the tombstone without waiting for it.
    onSuccess: (_, message) => applyMessageUpdate(queryClient, { ...message, content: '', deleted: true }),
  });
}
