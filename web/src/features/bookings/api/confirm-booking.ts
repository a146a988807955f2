import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { applyBookingUpdate } from '@/features/bookings/api/keys';
import { bookingSchema, type Booking } from '@/types/api';

/** Master: pending → confirmed. */
export function confirmBooking(id: string): Promise<Booking> {
  return api.post(`/bookings/${encodeURIComponent(id)}/confirm`, undefined, { schema: bookingSchema });
}

export function useConfirmBooking() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: confirmBooking, onSuccess: (booking) => applyBookingUpdate(queryClient, booking) });
}
