import type { QueryClient } from '@tanstack/react-query';
import type { Booking } from '@/types/api';

// The bookings feature's query keys and the cache functions other features may call
// (the only bookings module they may import; see README "Features").

export const bookingKeys = {
  all: ['bookings'] as const,
  lists: () => ['bookings', 'list'] as const,
  list: (query: object) => ['bookings', 'list', query] as const,
  detail: (id: string) => ['bookings', 'detail', id] as const,
};

export const slotKeys = {
  all: ['slots'] as const,
  list: (q: { masterId: string; serviceId: string; from: string; to: string }) =>
    ['slots', q.masterId, q.serviceId, q.from, q.to] as const,
};

/** Every list a booking may be in (the client's, the master's, any filter). */
export function invalidateBookingLists(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: bookingKeys.lists() });
}

/** Everything booking-related, when an event could not be applied precisely. */
export function invalidateBookings(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
}

/** Free slots of every master: after a booking, a schedule change or a refused time. */
export function invalidateSlots(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: slotKeys.all });
}

/** Applies `fn` to a cached booking (no-op when it is not cached). */
export function patchBooking(queryClient: QueryClient, id: string, fn: (booking: Booking) => Booking): void {
  queryClient.setQueryData<Booking>(bookingKeys.detail(id), (b) => (b ? fn(b) : b));
}

/** After any change from the server: the booking itself, every list it may be in, and the slots. */
export function applyBookingUpdate(queryClient: QueryClient, booking: Booking): void {
  queryClient.setQueryData(bookingKeys.detail(booking.id), booking);
  invalidateBookingLists(queryClient);
  invalidateSlots(queryClient);
}
