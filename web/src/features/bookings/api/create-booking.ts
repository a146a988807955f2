import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
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
    onSuccess: (booking) => {
      queryClient.setQueryData(['bookings', 'detail', booking.id], booking);
      void queryClient.invalidateQueries({ queryKey: ['bookings', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
    },
    onError: () => {
      // A 409 means someone else took the time: show fresh slots.
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
    },
  });
}
