import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applyBookingUpdate, invalidateSlots } from '@/features/bookings/api/keys';
import { bookingSchema, type Booking } from '@/types/api';

export const rescheduleBookingInputSchema = z.object({ start_at: z.string().min(1) });
export type RescheduleBookingInput = z.infer<typeof rescheduleBookingInputSchema>;

/** Either party; 409 slot_unavailable when the new time is not free. */
export function rescheduleBooking({ id, input }: { id: string; input: RescheduleBookingInput }): Promise<Booking> {
  return api.post(`/bookings/${encodeURIComponent(id)}/reschedule`, rescheduleBookingInputSchema.parse(input), {
    schema: bookingSchema,
  });
}

export function useRescheduleBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rescheduleBooking,
    onSuccess: (booking) => applyBookingUpdate(queryClient, booking),
    onError: () => invalidateSlots(queryClient),
  });
}
