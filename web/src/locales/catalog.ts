import { baseEn } from '@/locales/en';
import { baseRu } from '@/locales/ru';
import { authEn } from '@/features/auth/locales/en';
import { authRu } from '@/features/auth/locales/ru';
import { bookingsEn } from '@/features/bookings/locales/en';
import { bookingsRu } from '@/features/bookings/locales/ru';
import { chatsEn } from '@/features/chats/locales/en';
import { chatsRu } from '@/features/chats/locales/ru';
import { favoritesEn } from '@/features/favorites/locales/en';
import { favoritesRu } from '@/features/favorites/locales/ru';
import { feedEn } from '@/features/feed/locales/en';
import { feedRu } from '@/features/feed/locales/ru';
import { mastersEn } from '@/features/masters/locales/en';
import { mediaEn } from '@/features/media/locales/en';
import { mediaRu } from '@/features/media/locales/ru';
import { mastersRu } from '@/features/masters/locales/ru';
import { notificationsEn } from '@/features/notifications/locales/en';
import { notificationsRu } from '@/features/notifications/locales/ru';
import { portfolioEn } from '@/features/portfolio/locales/en';
import { portfolioRu } from '@/features/portfolio/locales/ru';
import { postsEn } from '@/features/posts/locales/en';
import { postsRu } from '@/features/posts/locales/ru';
import { profileEn } from '@/features/profile/locales/en';
import { profileRu } from '@/features/profile/locales/ru';
import { reviewsEn } from '@/features/reviews/locales/en';
import { reviewsRu } from '@/features/reviews/locales/ru';
import { socialEn } from '@/features/social/locales/en';
import { socialRu } from '@/features/social/locales/ru';
import { scheduleEn } from '@/features/schedule/locales/en';
import { scheduleRu } from '@/features/schedule/locales/ru';
import { searchEn } from '@/features/search/locales/en';
import { searchRu } from '@/features/search/locales/ru';

// Each feature keeps its messages next to its code (features/<name>/locales/ru.ts + en.ts,
// one key namespace per feature); this merges them with the shared ones into one catalogue
// per language. Russian is the default and the source of the keys.

/** Every catalogue, by name; a test checks that ru and en agree and that no key is defined twice. */
export const catalogues = {
  base: { ru: baseRu, en: baseEn },
  auth: { ru: authRu, en: authEn },
  bookings: { ru: bookingsRu, en: bookingsEn },
  chats: { ru: chatsRu, en: chatsEn },
  favorites: { ru: favoritesRu, en: favoritesEn },
  feed: { ru: feedRu, en: feedEn },
  masters: { ru: mastersRu, en: mastersEn },
  media: { ru: mediaRu, en: mediaEn },
  notifications: { ru: notificationsRu, en: notificationsEn },
  portfolio: { ru: portfolioRu, en: portfolioEn },
  posts: { ru: postsRu, en: postsEn },
  profile: { ru: profileRu, en: profileEn },
  reviews: { ru: reviewsRu, en: reviewsEn },
  schedule: { ru: scheduleRu, en: scheduleEn },
  search: { ru: searchRu, en: searchEn },
  social: { ru: socialRu, en: socialEn },
};

export const ru = {
  ...baseRu,
  ...authRu,
  ...bookingsRu,
  ...chatsRu,
  ...favoritesRu,
  ...feedRu,
  ...mastersRu,
  ...mediaRu,
  ...notificationsRu,
  ...portfolioRu,
  ...postsRu,
  ...profileRu,
  ...reviewsRu,
  ...scheduleRu,
  ...searchRu,
  ...socialRu,
};

export type MessageKey = keyof typeof ru;
export type Messages = Record<MessageKey, string>;

export const en: Messages = {
  ...baseEn,
  ...authEn,
  ...bookingsEn,
  ...chatsEn,
  ...favoritesEn,
  ...feedEn,
  ...mastersEn,
  ...mediaEn,
  ...notificationsEn,
  ...portfolioEn,
  ...postsEn,
  ...profileEn,
  ...reviewsEn,
  ...scheduleEn,
  ...searchEn,
  ...socialEn,
};
