import { useSyncExternalStore } from 'react';
import { getRecentSearches, subscribeRecentSearches } from '@/features/search/utils/recent-searches';

/** This browser's last searches, newest first; re-renders when they change (in any tab). */
export function useRecentSearches(): string[] {
  return useSyncExternalStore(subscribeRecentSearches, getRecentSearches, getRecentSearches);
}
