import type { QueryClient } from '@tanstack/react-query';
import { postKeys, type PostsData } from '@/features/posts/api/keys';
import type { GeoLocation } from '@/types/api';

// The feed's query keys: each tab is a list of posts under the posts feature's
// `postKeys.feeds()`, so a like, a deletion or a new post reaches the feed through the
// posts feature's cache functions.

export type FeedTab = 'for_you' | 'following' | 'nearby';
export const FEED_TABS: readonly [FeedTab, ...FeedTab[]] = ['for_you', 'following', 'nearby'];

export const feedKeys = {
  all: postKeys.feeds(),
  tab: (tab: FeedTab, location: GeoLocation | null) => [...postKeys.feeds(), tab, location ? `${location.lat},${location.lon}` : null] as const,
};

/**
 * Back to the top of a tab: keep only its first page and fetch it again (a new snapshot on
 * the server). The old first page stays on screen until the new one arrives.
 */
export function restartFeed(queryClient: QueryClient, queryKey: readonly unknown[]): Promise<void> {
  queryClient.setQueryData<PostsData>(queryKey, (data) =>
    data && data.pages.length > 1 ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
  );
  return queryClient.refetchQueries({ queryKey, exact: true });
}
