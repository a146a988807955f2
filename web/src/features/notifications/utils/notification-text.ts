import { formatDateTime } from '@/lib/format';
import type { Language, MessageKey, Translate } from '@/lib/i18n';
import type { Notification } from '@/features/notifications/types/notification';
import {
  bookingTargetOf,
  PERSON_TYPES,
  POST_TYPES,
  postTargetOf,
  reviewTargetOf,
} from '@/features/notifications/utils/notification-target';

const BOOKING_TYPES = new Set([
  'booking_created',
  'booking_confirmed',
  'booking_cancelled',
  'booking_rescheduled',
  'booking_reminder',
  'review_request',
]);
const REVIEW_TYPES = new Set(['review_received', 'review_replied']);
/** Types the server groups (one item, a count, up to three actors): "Анна и ещё 2 …". */
const GROUPED_TYPES = new Set(['review_received', 'new_follower', 'post_liked', 'post_reposted']);

/**
 * The item's line in the user's current language, written here from its type, actors and
 * count so it follows a language switch at once. Types (or targets) this client does not
 * know keep the server's `text`.
 */
export function notificationTitle(item: Notification, t: Translate): string {
  const known =
    (BOOKING_TYPES.has(item.type) && bookingTargetOf(item) !== null) ||
    (REVIEW_TYPES.has(item.type) && reviewTargetOf(item) !== null) ||
    (PERSON_TYPES.has(item.type) && item.actors.length > 0) ||
    (POST_TYPES.has(item.type) && postTargetOf(item) !== null);
  if (!known) return item.text;
  const name = item.actors[0]?.name ?? t('notifications.someone');
  if (GROUPED_TYPES.has(item.type) && item.count > 1) {
    const others = item.count - 1;
    return t(`notifications.text.${item.type}_group_${others === 1 ? 'one' : 'other'}` as MessageKey, { name, others });
  }
  return t(`notifications.text.${item.type}` as MessageKey, { name });
}

/** The second line: the booking's service and time, a review's words, or a comment's. */
export function notificationDetail(item: Notification, t: Translate, lang: Language): string | null {
  const booking = bookingTargetOf(item);
  if (booking && BOOKING_TYPES.has(item.type)) {
    return t('notifications.booking_detail', { service: booking.service_name, when: formatDateTime(booking.start_at, lang, booking.timezone) });
  }
  const review = reviewTargetOf(item);
  if (review && REVIEW_TYPES.has(item.type) && item.count === 1) return review.text || null;
  const post = postTargetOf(item);
  if (post && (item.type === 'post_commented' || item.type === 'comment_replied')) return post.text || null;
  return null;
}

/** A review's rating, when the item is about exactly one review. */
export function notificationRating(item: Notification): number | null {
  const review = reviewTargetOf(item);
  return review && REVIEW_TYPES.has(item.type) && item.count === 1 ? review.rating : null;
}
