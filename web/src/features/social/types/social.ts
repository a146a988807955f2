import { z } from 'zod';
import { mediaVariantsSchema, pageSchema, roleSchema } from '@/types/api';

// The social graph as the API sends it (issue 11 §1): profiles with counts and the viewer's
// relationship, user cards in the followers / following / friends lists, friend requests.

/** A person in a list: followers, following, friends, a friend request's sides. */
export const userCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  avatar_url: z.string().nullable(),
  role: roleSchema,
  master_id: z.string().nullable(),
  /** Not in the contract: whether the viewer follows them. Without it the card asks the profile. */
  following: z.boolean().optional(),
});
export type UserCard = z.infer<typeof userCardSchema>;

export const userCardsPageSchema = pageSchema(userCardSchema);
export type UserCardsPage = z.infer<typeof userCardsPageSchema>;

export const friendStateSchema = z.enum(['none', 'outgoing', 'incoming', 'friends']);
export type FriendState = z.infer<typeof friendStateSchema>;

export const relationshipSchema = z.object({
  following: z.boolean(),
  followed_by: z.boolean(),
  friend: friendStateSchema,
  muted: z.boolean(),
});
export type Relationship = z.infer<typeof relationshipSchema>;

export const profileCountsSchema = z.object({
  followers: z.number().int().nonnegative(),
  following: z.number().int().nonnegative(),
  friends: z.number().int().nonnegative(),
  posts: z.number().int().nonnegative(),
});
export type ProfileCounts = z.infer<typeof profileCountsSchema>;

/** GET /users/{id}: a 404 when either side blocked the other. */
export const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  avatar_url: z.string().nullable(),
  avatar: mediaVariantsSchema.nullable().optional(),
  role: roleSchema,
  city: z.string().nullable(),
  master_id: z.string().nullable(),
  counts: profileCountsSchema,
  relationship: relationshipSchema,
});
export type Profile = z.infer<typeof profileSchema>;

export const friendRequestStatusSchema = z.enum(['pending', 'accepted', 'declined', 'cancelled']);

export const friendRequestSchema = z.object({
  id: z.string(),
  from: userCardSchema,
  to: userCardSchema,
  status: friendRequestStatusSchema,
  created_at: z.string(),
});
export type FriendRequest = z.infer<typeof friendRequestSchema>;

export const friendRequestsPageSchema = pageSchema(friendRequestSchema);
export type FriendRequestsPage = z.infer<typeof friendRequestsPageSchema>;

export type RequestDirection = 'incoming' | 'outgoing';

/** GET /users/me/blocks (docs/openapi.json BlockedUser); the avatar may come later. */
export const blockedUserSchema = z.object({
  user_id: z.string(),
  display_name: z.string(),
  created_at: z.string(),
  avatar_url: z.string().nullable().optional(),
});
export type BlockedUser = z.infer<typeof blockedUserSchema>;

export const blockListSchema = z.object({
  items: z.array(blockedUserSchema),
  next_cursor: z.string().nullable().optional(),
});
export type BlockList = z.infer<typeof blockListSchema>;

/** The people lists of a profile. */
export type ConnectionKind = 'followers' | 'following' | 'friends';
export const CONNECTION_KINDS: readonly [ConnectionKind, ...ConnectionKind[]] = ['followers', 'following', 'friends'];
