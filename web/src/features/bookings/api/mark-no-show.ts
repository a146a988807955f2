import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { applyBookingUpdate } from '@/features/bookings/api/keys';
import { bookingSchema, type Booking } from '@/types/api';

/** Master, after the start time: the client did not come. */
export function markNoShow(id: string): Promise<Booking> {
  return api.post(`/bookings/${encodeURIComponent(id)}/no-show`, undefined, { schema: bookingSchema });
}

export function useMarkNoShow() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: markNoShow, onSuccess: (booking) => applyBookingUpdate(queryClient, booking) });
}
