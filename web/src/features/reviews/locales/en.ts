import type { reviewsRu } from '@/features/reviews/locales/ru';

export const reviewsEn: Record<keyof typeof reviewsRu, string> = {
  'reviews.title': 'Reviews',
  'reviews.none': 'No reviews yet',
  'reviews.rating': 'Rating',
  'reviews.stars': '{n} out of 5',
  'reviews.text': 'Review (optional)',
  'reviews.submit': 'Send review',
  'reviews.thanks': 'Thank you for your review!',
  'reviews.exists': 'This booking has already been reviewed',
  'reviews.not_completed': 'You can review a visit only after it has taken place',
  'reviews.master_reply': 'Master’s reply',
  'reviews.reply': 'Reply',
  'reviews.reply_label': 'Your reply',
  'reviews.reply_submit': 'Publish reply',
};
