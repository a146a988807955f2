import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '@/lib/realtime';
import { applyBookingUpdate, invalidateBookings } from '@/features/bookings/api/keys';
import { bookingSchema } from '@/types/api';

/** `booking:updated` from the socket: refresh the booking and every list it may be in. */
export function useBookingUpdates(): void {
  const queryClient = useQueryClient();
  useRealtimeEvent('booking:updated', (payload) => {
    const parsed = bookingSchema.safeParse(payload);
    if (parsed.success) applyBookingUpdate(queryClient, parsed.data);
    else invalidateBookings(queryClient);
  });
}
