import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applyBookingUpdate } from '@/features/bookings/api/keys';
import { bookingSchema, type Booking } from '@/types/api';

export const cancelBookingInputSchema = z.object({ reason: z.string().max(500, 'validation.reason_length') });
export type CancelBookingInput = z.infer<typeof cancelBookingInputSchema>;

/** Either party; the reason is shown to the other one. */
export function cancelBooking({ id, input }: { id: string; input: CancelBookingInput }): Promise<Booking> {
  return api.post(`/bookings/${encodeURIComponent(id)}/cancel`, cancelBookingInputSchema.parse(input), {
    schema: bookingSchema,
  });
}

export function useCancelBooking() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: cancelBooking, onSuccess: (booking) => applyBookingUpdate(queryClient, booking) });
}
