import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { chatKeys } from '@/features/chats/api/keys';
import type { Message } from '@/features/chats/types/chat';
import { applyMessage, applyMessageUpdate, flattenMessages, type MessagesData } from '@/features/chats/utils/chat-cache';

function msg(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    chat_id: 'c1',
    seq,
    sender_id: 'u2',
    type: 'text',
    content: `#${seq}`,
    media: null,
    media_deleted: false,
    client_msg_id: null,
    created_at: '2025-03-24T10:00:00Z',
    edited_at: null,
    deleted: false,
    ...overrides,
  };
}

function seeded() {
  const queryClient = new QueryClient();
  const data: MessagesData = {
    // The live page (latest 3) and one older page loaded with before_seq = 4.
    pages: [
      { items: [msg(4), msg(5), msg(6)], hasOlder: true, pending: [] },
      { items: [msg(1), msg(2), msg(3)], hasOlder: false, pending: [] },
    ],
    pageParams: [null, 4],
  };
  queryClient.setQueryData(chatKeys.messages('c1'), data);
  const read = () => queryClient.getQueryData<MessagesData>(chatKeys.messages('c1'))!;
  return { queryClient, read };
}

describe('the conversation cache (infinite query pages)', () => {
  it('shows all pages as one ascending list; older exist while the oldest page says so', () => {
    const { read } = seeded();
    const view = flattenMessages(read().pages);
    expect(view.items.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(view.hasOlder).toBe(false);
  });

  it('puts a new message on the live page and an edit of an old one on its own page', () => {
    const { queryClient, read } = seeded();
    applyMessage(queryClient, msg(7), 'u1');
    applyMessageUpdate(queryClient, msg(2, { content: 'edited', edited_at: '2025-03-24T11:00:00Z' }));

    const [live, older] = read().pages;
    expect(live!.items.map((m) => m.seq)).toEqual([4, 5, 6, 7]);
    expect(older!.items.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(older!.items[1]!.content).toBe('edited');
    expect(read().pageParams).toEqual([null, 4]);
  });

  it('leaves an uncached conversation alone', () => {
    const queryClient = new QueryClient();
    applyMessage(queryClient, msg(1), 'u1');
    expect(queryClient.getQueryData(chatKeys.messages('c1'))).toBeUndefined();
  });
});
