import { z } from 'zod';
import { mediaSchema, type Media } from '@/types/api';

// Chats and messages as the REST API and the socket send them. Sequence numbers (`seq`) are
// per chat, start at 1 and never repeat: they order messages and carry read receipts.

export const MESSAGE_MAX_LENGTH = 4000;

export const messageSchema = z.object({
  id: z.string(),
  chat_id: z.string(),
  seq: z.number().int().positive(),
  sender_id: z.string(),
  /** "text" | "image" today; an unknown type is shown as text. */
  type: z.string(),
  /** The text; "" for a photo. Image messages from before photo uploads hold the image's URL here. */
  content: z.string(),
  /**
   * An image message's photo (null for text and for those older image messages). Its variant
   * URLs are signed and expire after 15 minutes; every read from the server mints new ones.
   * Optional so that answers from before the field existed still parse.
   */
  media: mediaSchema.nullable().default(null),
  /** An image message whose photo its owner deleted: there is nothing left to show. */
  media_deleted: z.boolean().default(false),
  client_msg_id: z.string().nullable(),
  created_at: z.string(),
  edited_at: z.string().nullable(),
  deleted: z.boolean(),
});
export type Message = z.infer<typeof messageSchema>;
export type MessageType = 'text' | 'image';

export const participantSchema = z.object({
  user_id: z.string(),
  display_name: z.string(),
  avatar_url: z.string().nullable(),
  role: z.string(),
  online: z.boolean(),
  last_seen_at: z.string().nullable(),
  // Not in the contract's participant yet; filled from `message:status` events.
  delivered_seq: z.number().int().optional(),
  read_seq: z.number().int().optional(),
});
export type Participant = z.infer<typeof participantSchema>;

export const chatSchema = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'group']),
  title: z.string().nullable(),
  created_by: z.string(),
  participants: z.array(participantSchema),
  last_message: messageSchema.nullable(),
  unread_count: z.number().int().nonnegative(),
  last_seq: z.number().int().nonnegative(),
  /** The caller's own watermarks. */
  delivered_seq: z.number().int().nonnegative(),
  read_seq: z.number().int().nonnegative(),
  created_at: z.string(),
  last_activity_at: z.string(),
});
export type Chat = z.infer<typeof chatSchema>;

export const chatsPageSchema = z.object({ items: z.array(chatSchema), next_cursor: z.string().nullable() });
export type ChatsPage = z.infer<typeof chatsPageSchema>;

export const messagesPageSchema = z.object({ items: z.array(messageSchema), has_more: z.boolean() });
export type MessagesPage = z.infer<typeof messagesPageSchema>;

export const watermarksSchema = z.object({
  chat_id: z.string(),
  user_id: z.string(),
  delivered_seq: z.number().int().nonnegative(),
  read_seq: z.number().int().nonnegative(),
});
export type Watermarks = z.infer<typeof watermarksSchema>;

// ---------------------------------------------------------------------------------------
// Socket events

export const sendAckSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('sent'), message_id: z.string(), seq: z.number().int(), created_at: z.string() }),
  z.object({ status: z.literal('error'), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type SendAck = z.infer<typeof sendAckSchema>;

export const typingEventSchema = z.object({ chat_id: z.string(), user_id: z.string(), is_typing: z.boolean() });
export type TypingEvent = z.infer<typeof typingEventSchema>;

export const presenceEventSchema = z.object({
  user_id: z.string(),
  online: z.boolean(),
  last_seen_at: z.string().nullable(),
});
export type PresenceEvent = z.infer<typeof presenceEventSchema>;

// ---------------------------------------------------------------------------------------
// Client-side state of one conversation

/** What the send box hands over: a text, or a photo that is uploaded and ready. */
export type MessageDraft = { type: 'text'; content: string } | { type: 'image'; media: Media };

/** A message this tab is sending: shown at once, replaced by the real one when it is stored. */
export type OutgoingMessage = MessageDraft & {
  client_msg_id: string;
  created_at: string;
  status: 'sending' | 'failed';
  error?: string | undefined;
};

export type MessagesState = {
  /** Ascending by seq, no duplicates. */
  items: Message[];
  /** Older messages exist on the server. */
  hasOlder: boolean;
  pending: OutgoingMessage[];
};
