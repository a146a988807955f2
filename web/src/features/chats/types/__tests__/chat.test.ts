import { describe, expect, it } from 'vitest';
import { sendMessageInputSchema } from '@/features/chats/api/send-message';
import { messageSchema } from '@/features/chats/types/chat';

const old = {
  id: 'm1',
  chat_id: 'c1',
  seq: 1,
  sender_id: 'u1',
  type: 'image',
  content: 'https://img.example.com/nails.jpg',
  client_msg_id: null,
  created_at: '2025-03-24T10:00:00Z',
  edited_at: null,
  deleted: false,
};

describe('message schemas', () => {
  it('reads a message from before photos had media: no photo, not deleted', () => {
    expect(messageSchema.parse(old)).toEqual({ ...old, media: null, media_deleted: false });
    expect(messageSchema.parse({ ...old, media: null, media_deleted: true })).toMatchObject({ media_deleted: true });
  });

  it('sends a photo by media id only, never by URL', () => {
    expect(sendMessageInputSchema.safeParse({ type: 'image', media_id: 'x', client_msg_id: 'k' }).success).toBe(true);
    expect(sendMessageInputSchema.safeParse({ type: 'image', content: 'https://img.example.com/a.jpg', client_msg_id: 'k' }).success).toBe(false);
    expect(sendMessageInputSchema.safeParse({ type: 'text', content: '', client_msg_id: 'k' }).success).toBe(false);
  });
});
