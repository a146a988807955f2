import { http, HttpResponse } from 'msw';
import type { ZodType } from 'zod';
import { createChatInputSchema } from '@/features/chats/api/create-chat';
import { editMessageInputSchema } from '@/features/chats/api/edit-message';
import { watermarkInputSchema } from '@/features/chats/api/mark-read';
import { sendMessageInputSchema, type SendMessageInput } from '@/features/chats/api/send-message';
import {
  chatSchema,
  chatsPageSchema,
  messageSchema,
  messagesPageSchema,
  watermarksSchema,
  type Message,
} from '@/features/chats/types/chat';
import {
  addMessage,
  cdb,
  chatView,
  createChat,
  isMember,
  messageView,
  moveMarks,
  type StoredChat,
} from '@/testing/mocks/chats-db';
import { db, userForAccessToken, type StoredUser } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { mediaDb, publicMedia } from '@/testing/mocks/media-db';
import { severTies } from '@/testing/mocks/social-db';

// Every response body is parsed with the app's own schema, so mock and client cannot drift.

function json<T>(schema: ZodType<T>, body: T, status = 200) {
  return HttpResponse.json(schema.parse(body) as never, { status });
}

const unauthorized = () => problem(401, 'token_expired', 'Unauthorized');
const notFound = () => problem(404, 'not_found', 'Not Found');

function chatFor(request: Request, id: string): { user: StoredUser; chat: StoredChat } | Response {
  const user = userForAccessToken(request.headers.get('Authorization'));
  if (!user) return unauthorized();
  const chat = cdb.chats.get(id);
  if (!chat || !isMember(chat, user.id)) return notFound();
  return { user, chat };
}

export function isBlockedBetween(a: string, b: string): boolean {
  return cdb.blocks.has(`${a}:${b}`) || cdb.blocks.has(`${b}:${a}`);
}

export type StoreResult = { message: Message; created: boolean } | { refused: 'media_id' };

/**
 * Stores a message once per client_msg_id, as the server does for a retry. A photo must be
 * one the sender uploaded for a chat, ready and not sent before; the message keeps it (`media`).
 */
export function storeMessage(chat: StoredChat, sender: StoredUser, input: SendMessageInput): StoreResult {
  const existing = cdb.messages.get(chat.id)?.find((m) => m.sender_id === sender.id && m.client_msg_id === input.client_msg_id);
  if (existing) return { message: existing, created: false };
  if (input.type === 'text') {
    return { message: addMessage(chat.id, sender.id, { ...input, type: 'text' }), created: true };
  }
  const media = mediaDb.media.get(input.media_id);
  const sentBefore = [...cdb.messages.values()].some((list) => list.some((m) => m.media?.id === input.media_id));
  if (!media || media.owner_id !== sender.id || media.purpose !== 'chat' || media.status !== 'ready' || sentBefore) {
    return { refused: 'media_id' };
  }
  const message = addMessage(chat.id, sender.id, {
    type: 'image',
    media: publicMedia(media),
    client_msg_id: input.client_msg_id,
  });
  return { message, created: true };
}

export const chatsHandlers = [
  http.post(`${API}/chats`, async ({ request }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return unauthorized();
    const parsed = createChatInputSchema.safeParse(await request.json());
    if (!parsed.success) return problem(422, 'validation_failed', 'Validation failed');
    const others = parsed.data.participant_ids.map((id) => db.users.get(id));
    if (others.some((u) => !u)) return problem(422, 'validation_failed', 'Unknown participant');
    const direct = others.length === 1 && !parsed.data.title;
    if (direct) {
      const other = others[0]!;
      const existing = [...cdb.chats.values()].find(
        (c) => c.kind === 'direct' && isMember(c, user.id) && isMember(c, other.id),
      );
      if (existing) return json(chatSchema, chatView(existing, user.id));
    }
    const chat = createChat({
      members: [user, ...(others as StoredUser[])],
      kind: direct ? 'direct' : 'group',
      title: parsed.data.title ?? null,
      createdBy: user,
    });
    return json(chatSchema, chatView(chat, user.id), 201);
  }),

  http.get(`${API}/chats`, ({ request }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return unauthorized();
    const url = new URL(request.url);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 20) || 20, 100);
    const offset = Number(url.searchParams.get('cursor') ?? 0) || 0;
    const mine = [...cdb.chats.values()]
      .filter((c) => isMember(c, user.id))
      .sort((a, b) => (a.last_activity_at < b.last_activity_at ? 1 : -1));
    return json(chatsPageSchema, {
      items: mine.slice(offset, offset + limit).map((c) => chatView(c, user.id)),
      next_cursor: offset + limit < mine.length ? String(offset + limit) : null,
    });
  }),

  http.get<{ id: string }>(`${API}/chats/:id`, ({ request, params }) => {
    const found = chatFor(request, params.id);
    if (found instanceof Response) return found;
    return json(chatSchema, chatView(found.chat, found.user.id));
  }),

  http.get<{ id: string }>(`${API}/chats/:id/messages`, ({ request, params }) => {
    const found = chatFor(request, params.id);
    if (found instanceof Response) return found;
    const url = new URL(request.url);
    cdb.calls.messageQueries.push({ chatId: params.id, params: url.searchParams });
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 50) || 50, 100);
    const before = url.searchParams.get('before_seq');
    const after = url.searchParams.get('after_seq');
    const all = cdb.messages.get(params.id) ?? [];
    if (after !== null) {
      const newer = all.filter((m) => m.seq > Number(after));
      return json(messagesPageSchema, { items: newer.slice(0, limit).map(messageView), has_more: newer.length > limit });
    }
    const older = before !== null ? all.filter((m) => m.seq < Number(before)) : all;
    return json(messagesPageSchema, { items: older.slice(-limit).map(messageView), has_more: older.length > limit });
  }),

  http.post<{ id: string }>(`${API}/chats/:id/messages`, async ({ request, params }) => {
    const found = chatFor(request, params.id);
    if (found instanceof Response) return found;
    const body = await request.json();
    cdb.calls.posts.push(body);
    const parsed = sendMessageInputSchema.safeParse(body);
    if (!parsed.success) return problem(422, 'validation_failed', 'Validation failed');
    if (found.chat.participant_ids.some((id) => id !== found.user.id && isBlockedBetween(id, found.user.id))) {
      return problem(403, 'blocked', 'Forbidden');
    }
    const stored = storeMessage(found.chat, found.user, parsed.data);
    if ('refused' in stored) {
      return problem(422, 'validation_failed', 'Validation failed', {
        errors: [{ field: 'media_id', message: 'not a ready chat photo of yours' }],
      });
    }
    return json(messageSchema, messageView(stored.message), stored.created ? 201 : 200);
  }),

  http.patch<{ id: string; messageId: string }>(`${API}/chats/:id/messages/:messageId`, async ({ request, params }) => {
    const found = chatFor(request, params.id);
    if (found instanceof Response) return found;
    const message = cdb.messages.get(params.id)?.find((m) => m.id === params.messageId);
    if (!message || message.deleted) return notFound();
    if (message.sender_id !== found.user.id) return problem(403, 'forbidden', 'Forbidden');
    const parsed = editMessageInputSchema.safeParse(await request.json());
    if (!parsed.success) return problem(422, 'validation_failed', 'Validation failed');
    message.content = parsed.data.content;
    message.edited_at = new Date(cdb.clock + 30_000).toISOString();
    return json(messageSchema, messageView(message));
  }),

  http.delete<{ id: string; messageId: string }>(`${API}/chats/:id/messages/:messageId`, ({ request, params }) => {
    const found = chatFor(request, params.id);
    if (found instanceof Response) return found;
    const message = cdb.messages.get(params.id)?.find((m) => m.id === params.messageId);
    if (!message) return notFound();
    if (message.sender_id !== found.user.id) return problem(403, 'forbidden', 'Forbidden');
    message.deleted = true;
    message.content = '';
    return new HttpResponse(null, { status: 204 });
  }),

  http.post<{ id: string }>(`${API}/chats/:id/read`, async ({ request, params }) => {
    const found = chatFor(request, params.id);
    if (found instanceof Response) return found;
    const parsed = watermarkInputSchema.safeParse(await request.json());
    if (!parsed.success) return problem(422, 'validation_failed', 'Validation failed');
    cdb.calls.reads.push({ chatId: params.id, up_to_seq: parsed.data.up_to_seq, via: 'rest' });
    return json(watermarksSchema, moveMarks(params.id, found.user.id, 'read', parsed.data.up_to_seq));
  }),

  http.post<{ id: string }>(`${API}/chats/:id/delivered`, async ({ request, params }) => {
    const found = chatFor(request, params.id);
    if (found instanceof Response) return found;
    const parsed = watermarkInputSchema.safeParse(await request.json());
    if (!parsed.success) return problem(422, 'validation_failed', 'Validation failed');
    cdb.calls.delivered.push({ chatId: params.id, up_to_seq: parsed.data.up_to_seq, via: 'rest' });
    return json(watermarksSchema, moveMarks(params.id, found.user.id, 'delivered', parsed.data.up_to_seq));
  }),

  http.put<{ id: string }>(`${API}/users/:id/block`, ({ request, params }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return unauthorized();
    if (!db.users.has(params.id)) return notFound();
    cdb.blocks.add(`${user.id}:${params.id}`);
    // A block also ends follows and friendship both ways (issue 11 §1).
    severTies(user.id, params.id);
    return new HttpResponse(null, { status: 204 });
  }),

  http.delete<{ id: string }>(`${API}/users/:id/block`, ({ request, params }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return unauthorized();
    cdb.blocks.delete(`${user.id}:${params.id}`);
    return new HttpResponse(null, { status: 204 });
  }),
];
