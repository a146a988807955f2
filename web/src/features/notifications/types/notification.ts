import { z } from 'zod';

// Notifications as GET /notifications and the socket's `notification:new` send them. The
// server groups some types (review_received) into one item with a count and up to three
// actors; types this client does not know yet are shown with the server's own `text`.

export const actorSchema = z.object({
  id: z.string(),
  name: z.string(),
  avatar_url: z.string().nullable(),
});
export type Actor = z.infer<typeof actorSchema>;

export const bookingTargetSchema = z.object({
  type: z.literal('booking'),
  id: z.string(),
  service_name: z.string(),
  start_at: z.string(),
  // The master's zone: the visit's time is shown as it is where the visit happens.
  timezone: z.string().optional(),
  status: z.string(),
});
export type BookingTarget = z.infer<typeof bookingTargetSchema>;

export const reviewTargetSchema = z.object({
  type: z.literal('review'),
  id: z.string(),
  master_id: z.string(),
  rating: z.number(),
  text: z.string().nullable(),
});
export type ReviewTarget = z.infer<typeof reviewTargetSchema>;

/**
 * A post (likes, reposts, comments: grouped per post) or a comment (replies): both lead to
 * the post. `text` is the comment's words when the server sends them.
 */
export const postTargetSchema = z.object({
  type: z.enum(['post', 'comment']),
  id: z.string(),
  post_id: z.string(),
  text: z.string().nullable().optional(),
});
export type PostTarget = z.infer<typeof postTargetSchema>;

/** A target of a kind this client does not know (posts, users… in later versions). */
export const otherTargetSchema = z.object({ type: z.string() }).passthrough();
export type OtherTarget = z.infer<typeof otherTargetSchema>;

// A known kind that fails its own schema falls through to `other`: one odd item must not
// break the whole list.
export const targetSchema = z.union([bookingTargetSchema, reviewTargetSchema, postTargetSchema, otherTargetSchema]);
export type Target = z.infer<typeof targetSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  type: z.string(),
  count: z.number().int().positive().default(1),
  /** Newest first, at most three. */
  actors: z.array(actorSchema).default([]),
  target: targetSchema,
  created_at: z.string(),
  latest_at: z.string(),
  read: z.boolean(),
  /** The server's one-line text in the user's language: the fallback for unknown types. */
  text: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationsPageSchema = z.object({
  items: z.array(notificationSchema),
  next_cursor: z.string().nullable(),
});
export type NotificationsPage = z.infer<typeof notificationsPageSchema>;

export const unreadCountSchema = z.object({ count: z.number().int().nonnegative() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

/** "HH:MM", 00:00–23:59. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time_format');

export const channelPrefsSchema = z.object({ in_app: z.boolean(), push: z.boolean() });
export type ChannelPrefs = z.infer<typeof channelPrefsSchema>;

export const preferencesSchema = z.object({
  /** Every type the server knows, in its order. */
  types: z.record(z.string(), channelPrefsSchema),
  quiet_hours: z.object({ from: clockTimeSchema, to: clockTimeSchema }).nullable(),
  timezone: z.string(),
  grouping: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** Types that exist only as push (never in the list): their in-app switch is always off. */
export const PUSH_ONLY_TYPES: ReadonlySet<string> = new Set(['message_new']);
