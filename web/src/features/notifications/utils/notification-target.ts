import {
  bookingTargetSchema,
  reviewTargetSchema,
  type BookingTarget,
  type Notification,
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

/**
 * Where an item leads: a booking opens its page (a review request opens it with the review
 * form), a review opens the reviews on the master's page. Null for targets this client does
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
  return null;
}
