import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { invalidateBookingLists, patchBooking } from '@/features/bookings/api/keys';
import { invalidateMaster } from '@/features/masters/api/keys';
import { invalidateMasterReviews } from '@/features/reviews/api/keys';
import { reviewSchema, type Review } from '@/types/api';

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
      patchBooking(queryClient, review.booking_id, (b) => ({ ...b, review_id: review.id }));
      invalidateBookingLists(queryClient);
      invalidateMasterReviews(queryClient, review.master_id);
      invalidateMaster(queryClient, review.master_id);
    },
  });
}
