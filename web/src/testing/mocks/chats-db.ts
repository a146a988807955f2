import { daysFromToday } from '@/testing/dates';
import { db, type StoredUser } from '@/testing/mocks/db';
import { mediaDb, publicMedia, seedMedia, signedChatMedia } from '@/testing/mocks/media-db';
import type { Chat, Message, MessageType, Watermarks } from '@/features/chats/types/chat';
import type { Media } from '@/types/api';

// The chats half of the mock server: chats, messages with per-chat seq, watermarks, presence
// and blocks. It follows the API contract, not the server's implementation; reset after every test.

export type StoredChat = {
  id: string;
  kind: 'direct' | 'group';
  title: string | null;
  created_by: string;
  participant_ids: string[];
  created_at: string;
  last_activity_at: string;
};

type Marks = { delivered_seq: number; read_seq: number };

function clockStart(): number {
  return Date.parse(`${daysFromToday(-1)}T09:00:00Z`);
}

export const cdb = {
  chats: new Map<string, StoredChat>(),
  /** chat id → messages ascending by seq. */
  messages: new Map<string, Message[]>(),
  /** `${chatId}:${userId}` → watermarks. */
  marks: new Map<string, Marks>(),
  presence: new Map<string, { online: boolean; last_seen_at: string | null }>(),
  /** `${blocker}:${blocked}`. */
  blocks: new Set<string>(),
  counter: 0,
  /** Base of message timestamps: one minute per message from here (yesterday morning, so never ahead of the clock). */
  clock: clockStart(),
  calls: {
    messageQueries: [] as { chatId: string; params: URLSearchParams }[],
    posts: [] as unknown[],
    reads: [] as { chatId: string; up_to_seq: number; via: 'rest' | 'socket' }[],
    delivered: [] as { chatId: string; up_to_seq: number; via: 'rest' | 'socket' }[],
  },
};

export function resetChatsDb(): void {
  cdb.chats.clear();
  cdb.messages.clear();
  cdb.marks.clear();
  cdb.presence.clear();
  cdb.blocks.clear();
  cdb.counter = 0;
  cdb.clock = clockStart();
  cdb.calls = { messageQueries: [], posts: [], reads: [], delivered: [] };
}

function nextId(prefix: string): string {
  cdb.counter += 1;
  return `${prefix}-0000-4000-8000-${String(cdb.counter).padStart(12, '0')}`;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function marksOf(chatId: string, userId: string): Marks {
  let marks = cdb.marks.get(`${chatId}:${userId}`);
  if (!marks) {
    marks = { delivered_seq: 0, read_seq: 0 };
    cdb.marks.set(`${chatId}:${userId}`, marks);
  }
  return marks;
}

export function createChat(input: {
  members: StoredUser[];
  kind?: 'direct' | 'group';
  title?: string | null;
  createdBy?: StoredUser;
  at?: string;
}): StoredChat {
  const at = input.at ?? iso(cdb.clock);
  const chat: StoredChat = {
    id: nextId('50000000'),
    kind: input.kind ?? (input.members.length === 2 && !input.title ? 'direct' : 'group'),
    title: input.title ?? null,
    created_by: (input.createdBy ?? input.members[0]!).id,
    participant_ids: input.members.map((m) => m.id),
    created_at: at,
    last_activity_at: at,
  };
  cdb.chats.set(chat.id, chat);
  cdb.messages.set(chat.id, []);
  return chat;
}

export function addMessage(
  chatId: string,
  senderId: string,
  input: { content?: string; type?: MessageType; media?: Media | null; client_msg_id?: string | null; at?: string },
): Message {
  const chat = cdb.chats.get(chatId)!;
  const list = cdb.messages.get(chatId)!;
  cdb.clock += 60_000;
  const message: Message = {
    id: nextId('60000000'),
    chat_id: chatId,
    seq: list.length + 1,
    sender_id: senderId,
    type: input.type ?? (input.media ? 'image' : 'text'),
    content: input.content ?? '',
    media: input.media ?? null,
    media_deleted: false,
    client_msg_id: input.client_msg_id ?? null,
    created_at: input.at ?? iso(cdb.clock),
    edited_at: null,
    deleted: false,
  };
  list.push(message);
  chat.last_activity_at = message.created_at;
  const marks = marksOf(chatId, senderId);
  marks.read_seq = Math.max(marks.read_seq, message.seq);
  marks.delivered_seq = Math.max(marks.delivered_seq, message.seq);
  return message;
}

/** A photo message: a ready chat photo of the sender's, as if uploaded and sent earlier. */
export function addPhotoMessage(chatId: string, senderId: string): Message {
  const media = seedMedia(senderId, 'chat');
  return addMessage(chatId, senderId, { type: 'image', media: publicMedia(media) });
}

/**
 * A message as the server sends it: a photo's links are signed afresh on every read, and a
 * photo its owner has deleted since (gone from the media db) leaves `media_deleted`.
 */
export function messageView(message: Message): Message {
  if (message.deleted) return { ...message, media: null, media_deleted: false };
  if (message.type !== 'image' || !message.media) return message;
  const media = mediaDb.media.get(message.media.id);
  if (!media) return { ...message, media: null, media_deleted: true };
  return { ...message, media: signedChatMedia(media), media_deleted: false };
}

/** A chat with `messages` already in it, each [sender, text]. */
export function seedChat(input: Parameters<typeof createChat>[0] & { messages?: [StoredUser, string][] }): StoredChat {
  const chat = createChat(input);
  for (const [from, content] of input.messages ?? []) addMessage(chat.id, from.id, { content });
  return chat;
}

export function setPresence(userId: string, online: boolean, lastSeenAt: string | null = null): void {
  cdb.presence.set(userId, { online, last_seen_at: lastSeenAt });
}

export function moveMarks(chatId: string, userId: string, kind: 'read' | 'delivered', upTo: number): Watermarks {
  const marks = marksOf(chatId, userId);
  const last = cdb.messages.get(chatId)?.length ?? 0;
  const seq = Math.min(upTo, last);
  marks.delivered_seq = Math.max(marks.delivered_seq, seq);
  if (kind === 'read') marks.read_seq = Math.max(marks.read_seq, seq);
  return { chat_id: chatId, user_id: userId, ...marks };
}

export function isMember(chat: StoredChat, userId: string): boolean {
  return chat.participant_ids.includes(userId);
}

/** The chat as `userId` sees it. */
export function chatView(chat: StoredChat, userId: string): Chat {
  const list = cdb.messages.get(chat.id) ?? [];
  const mine = marksOf(chat.id, userId);
  return {
    id: chat.id,
    kind: chat.kind,
    title: chat.title,
    created_by: chat.created_by,
    participants: chat.participant_ids.map((id) => {
      const user = db.users.get(id);
      const presence = cdb.presence.get(id);
      return {
        user_id: id,
        display_name: user?.name ?? '',
        avatar_url: user?.avatar_url ?? null,
        role: chat.created_by === id ? 'owner' : 'member',
        online: presence?.online ?? false,
        last_seen_at: presence?.last_seen_at ?? null,
        delivered_seq: marksOf(chat.id, id).delivered_seq,
        read_seq: marksOf(chat.id, id).read_seq,
      };
    }),
    last_message: list.length > 0 ? messageView(list[list.length - 1]!) : null,
    unread_count: list.filter((m) => m.seq > mine.read_seq && m.sender_id !== userId && !m.deleted).length,
    last_seq: list.length,
    delivered_seq: mine.delivered_seq,
    read_seq: mine.read_seq,
    created_at: chat.created_at,
    last_activity_at: chat.last_activity_at,
  };
}
