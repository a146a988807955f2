import type { QueryClient } from '@tanstack/react-query';
import type { Booking } from '@/types/api';

/** After any status change: the booking itself, every list it may be in, and the freed slots. */
export function applyBookingUpdate(queryClient: QueryClient, booking: Booking): void {
  queryClient.setQueryData(['bookings', 'detail', booking.id], booking);
  void queryClient.invalidateQueries({ queryKey: ['bookings', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['slots'] });
}
