import { z } from 'zod';
import { pageSchema, userCardSchema } from '@/types/api';

// Comments as GET /posts/{id}/comments and /comments/{id}/replies send them: one level of
// replies; a top-level comment carries its reply_count and its first two replies.

export const MAX_COMMENT_LENGTH = 1000;

const baseCommentSchema = z.object({
  id: z.string(),
  post_id: z.string(),
  author: userCardSchema,
  text: z.string(),
  /** null for a top-level comment; a reply's top-level comment. */
  parent_id: z.string().nullable(),
  created_at: z.string(),
  edited_at: z.string().nullable(),
});

export const replySchema = baseCommentSchema;
export type Reply = z.infer<typeof replySchema>;

export const commentSchema = baseCommentSchema.extend({
  /** Top-level only (0 on a reply). */
  reply_count: z.number().int().nonnegative().default(0),
  /** Top-level only: the first two, oldest first. */
  replies: z.array(replySchema).default([]),
});
export type Comment = z.infer<typeof commentSchema>;

export const commentsPageSchema = pageSchema(commentSchema);
export type CommentsPage = z.infer<typeof commentsPageSchema>;

export const repliesPageSchema = pageSchema(replySchema);
export type RepliesPage = z.infer<typeof repliesPageSchema>;
