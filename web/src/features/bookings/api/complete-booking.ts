import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { applyBookingUpdate } from '@/features/bookings/api/keys';
import { bookingSchema, type Booking } from '@/types/api';

/** Master, after the start time: → completed (unlocks the client's review). */
export function completeBooking(id: string): Promise<Booking> {
  return api.post(`/bookings/${encodeURIComponent(id)}/complete`, undefined, { schema: bookingSchema });
}

export function useCompleteBooking() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: completeBooking, onSuccess: (booking) => applyBookingUpdate(queryClient, booking) });
}
