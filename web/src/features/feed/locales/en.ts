import type { feedRu } from '@/features/feed/locales/ru';

// The feed feature's messages in English (typed by the Russian keys).
export const feedEn: Record<keyof typeof feedRu, string> = {
  'feed.title': 'Feed',
  'feed.tabs': 'Feed sections',
  'feed.tab.for_you': 'For you',
  'feed.tab.following': 'Following',
  'feed.tab.nearby': 'Nearby',
  'feed.new_posts': 'New posts',
  'feed.end': 'You are all caught up. Come back later!',
  'feed.empty.for_you': 'Nothing here yet. Visit some masters and follow those whose work you like.',
  'feed.empty.following': 'Posts of the people you follow and of your friends appear here.',
  'feed.empty.nearby': 'Nobody nearby has posted yet.',
  'feed.find_masters': 'Find masters',
  'feed.compose': 'Share your latest work',
};
