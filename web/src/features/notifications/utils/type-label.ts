import type { MessageKey, Translate } from '@/lib/i18n';

const LABELLED = new Set([
  'booking_created',
  'booking_confirmed',
  'booking_cancelled',
  'booking_rescheduled',
  'booking_reminder',
  'review_request',
  'review_received',
  'review_replied',
  'message_new',
  'post_liked',
  'post_reposted',
  'new_follower',
  'friend_request',
  'friend_accepted',
  'post_commented',
  'comment_replied',
  'auto_proposal',
]);

/** A preferences row's name; a type the server added after this client shows its own words. */
export function notificationTypeLabel(type: string, t: Translate): string {
  if (LABELLED.has(type)) return t(`notifications.type.${type}` as MessageKey);
  const words = type.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
