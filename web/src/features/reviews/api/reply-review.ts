import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { invalidateMasterReviews } from '@/features/reviews/api/keys';
import { reviewSchema, type Review } from '@/types/api';

export const replyReviewInputSchema = z.object({
  text: z.string().trim().min(1, 'validation.required').max(2000, 'validation.review_length'),
});
export type ReplyReviewInput = z.infer<typeof replyReviewInputSchema>;

/** The master's public answer to a review (once). */
export function replyReview({ reviewId, input }: { reviewId: string; input: ReplyReviewInput }): Promise<Review> {
  return api.post(`/reviews/${encodeURIComponent(reviewId)}/reply`, replyReviewInputSchema.parse(input), {
    schema: reviewSchema,
  });
}

export function useReplyReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replyReview,
    onSuccess: (review) => invalidateMasterReviews(queryClient, review.master_id),
  });
}
