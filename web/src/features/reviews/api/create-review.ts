import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { reviewSchema, type Booking, type Review } from '@/types/api';

export const createReviewInputSchema = z.object({
  rating: z.number().int().min(1, 'validation.rating_required').max(5),
  text: z.string().max(2000, 'validation.review_length'),
});
export type CreateReviewInput = z.infer<typeof createReviewInputSchema>;

/** A client's review of a completed booking (once: 409 review_exists). */
export function createReview({ bookingId, input }: { bookingId: string; input: CreateReviewInput }): Promise<Review> {
  return api.post(`/bookings/${encodeURIComponent(bookingId)}/review`, createReviewInputSchema.parse(input), {
    schema: reviewSchema,
  });
}

export function useCreateReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReview,
    onSuccess: (review) => {
      // The booking now has a review_id; the master's rating and reviews changed.
      queryClient.setQueryData<Booking>(['bookings', 'detail', review.booking_id], (b) =>
        b ? { ...b, review_id: review.id } : b,
      );
      void queryClient.invalidateQueries({ queryKey: ['bookings', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['reviews', review.master_id] });
      void queryClient.invalidateQueries({ queryKey: ['masters', 'detail', review.master_id] });
    },
  });
}
