import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applyBookingUpdate, invalidateSlots } from '@/features/bookings/api/keys';
import { bookingSchema, type Booking } from '@/types/api';

export const createBookingInputSchema = z.object({
  service_id: z.string().min(1),
  start_at: z.string().min(1),
  comment: z.string().max(500).optional(),
});
export type CreateBookingInput = z.infer<typeof createBookingInputSchema>;

/** POST /bookings; `idempotencyKey` must be the same for every retry of one attempt. */
export function createBooking({
  input,
  idempotencyKey,
}: {
  input: CreateBookingInput;
  idempotencyKey: string;
}): Promise<Booking> {
  return api.post('/bookings', createBookingInputSchema.parse(input), {
    schema: bookingSchema,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useCreateBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBooking,
    onSuccess: (booking) => applyBookingUpdate(queryClient, booking),
    // A 409 means someone else took the time: show fresh slots.
    onError: () => invalidateSlots(queryClient),
  });
}
