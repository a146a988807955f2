import { describe, expect, it } from 'vitest';
import type { Message, Participant } from '@/features/chats/types/chat';
import { groupByDay, legacyImageUrl, mergeMessages, receiptOf, withMessages } from '@/features/chats/utils/messages';

function msg(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    chat_id: 'c1',
    seq,
    sender_id: 'u1',
    type: 'text',
    content: `#${seq}`,
    media: null,
    media_deleted: false,
    client_msg_id: null,
    created_at: `2025-03-24T10:0${seq % 10}:00Z`,
    edited_at: null,
    deleted: false,
    ...overrides,
  };
}

function participant(user_id: string, delivered_seq: number, read_seq: number): Participant {
  return { user_id, display_name: user_id, avatar_url: null, role: 'member', online: false, last_seen_at: null, delivered_seq, read_seq };
}

describe('chat messages', () => {
  it('merges by seq without duplicates, keeping the edited or deleted copy', () => {
    const merged = mergeMessages([msg(1), msg(2), msg(4)], [msg(3), msg(4), msg(2, { content: 'x', edited_at: '2025-03-24T11:00:00Z' })]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(merged[1]!.content).toBe('x');
    // A stale copy (from a slow catch-up) does not undo a delete.
    const deleted = mergeMessages([msg(5, { deleted: true, content: '' })], [msg(5)]);
    expect(deleted[0]!.deleted).toBe(true);
  });

  it('drops the outgoing copy once the stored message arrives', () => {
    const state = {
      items: [msg(1)],
      hasOlder: false,
      pending: [
        { client_msg_id: 'a', type: 'text' as const, content: 'hi', created_at: '', status: 'sending' as const },
        { client_msg_id: 'b', type: 'text' as const, content: 'yo', created_at: '', status: 'failed' as const },
      ],
    };
    const next = withMessages(state, [msg(2, { client_msg_id: 'a' })]);
    expect(next.items.map((m) => m.seq)).toEqual([1, 2]);
    expect(next.pending.map((p) => p.client_msg_id)).toEqual(['b']);
  });

  it('derives ticks from every other participant', () => {
    const me = participant('me', 9, 9);
    expect(receiptOf(5, [me, participant('a', 4, 0)], 'me')).toBe('sent');
    expect(receiptOf(5, [me, participant('a', 5, 0)], 'me')).toBe('delivered');
    expect(receiptOf(5, [me, participant('a', 5, 5)], 'me')).toBe('read');
    expect(receiptOf(5, [me, participant('a', 5, 5), participant('b', 6, 0)], 'me')).toBe('delivered');
  });

  it('groups consecutive messages of the same day', () => {
    const groups = groupByDay([
      msg(1, { created_at: '2025-03-23T12:00:00Z' }),
      msg(2, { created_at: '2025-03-24T12:00:00Z' }),
      msg(3, { created_at: '2025-03-24T13:00:00Z' }),
    ]);
    expect(groups.map((g) => [g.day, g.items.length])).toEqual([
      ['2025-03-23', 1],
      ['2025-03-24', 2],
    ]);
  });

  it('shows an old image message’s URL only when it is a web URL or a path on this site', () => {
    expect(legacyImageUrl('https://img.example.com/a.jpg')).toBe('https://img.example.com/a.jpg');
    expect(legacyImageUrl('/media/old/medium.jpg')).toBe('/media/old/medium.jpg');
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', '//evil.example/a.jpg', 'just text', '']) {
      expect(legacyImageUrl(bad)).toBeNull();
    }
  });
});
