import {
  bookingTargetSchema,
  postTargetSchema,
  reviewTargetSchema,
  type BookingTarget,
  type Notification,
  type PostTarget,
  type ReviewTarget,
} from '@/features/notifications/types/notification';

export function bookingTargetOf(item: Notification): BookingTarget | null {
  const parsed = bookingTargetSchema.safeParse(item.target);
  return parsed.success ? parsed.data : null;
}

export function reviewTargetOf(item: Notification): ReviewTarget | null {
  const parsed = reviewTargetSchema.safeParse(item.target);
  return parsed.success ? parsed.data : null;
}

export function postTargetOf(item: Notification): PostTarget | null {
  const parsed = postTargetSchema.safeParse(item.target);
  return parsed.success ? parsed.data : null;
}

/** Social types about a post or a comment: they open the post. */
export const POST_TYPES: ReadonlySet<string> = new Set(['post_liked', 'post_reposted', 'post_commented', 'comment_replied']);
/** Social types about a person: the actor is who it is about. */
export const PERSON_TYPES: ReadonlySet<string> = new Set(['new_follower', 'friend_request', 'friend_accepted']);

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

/**
 * Where an item leads: a booking opens its page (a review request opens it with the review
 * form), a review opens the reviews on the master's page; a new follower their profile (my
 * followers when there are several), a friend request the inbox, an accepted one the friend's
 * profile, likes, reposts, comments and replies the post. Null for targets this client does
 * not know yet: such an item is only marked read.
 */
export function notificationHref(item: Notification): string | null {
  const booking = bookingTargetOf(item);
  if (booking) {
    const path = `/bookings/${encodeURIComponent(booking.id)}`;
    return item.type === 'review_request' ? `${path}?review=1` : path;
  }
  const review = reviewTargetOf(item);
  if (review) return `/masters/${encodeURIComponent(review.master_id)}#reviews`;
  const actor = item.actors[0];
  switch (item.type) {
    case 'new_follower':
      return item.count === 1 && actor ? userPath(actor.id) : '/users/me/followers';
    case 'friend_request':
      return '/friends/requests';
    case 'friend_accepted':
      return actor ? userPath(actor.id) : '/users/me/friends';
  }
  const post = POST_TYPES.has(item.type) ? postTargetOf(item) : null;
  if (post) return `/posts/${encodeURIComponent(post.post_id)}`;
  return null;
}
