import { useEffect, useRef, type RefObject } from 'react';

// The same as the notifications feature's hook (features may not share code; a candidate for lib/).

type NextPageQuery = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** After a failed page it waits for a retry instead of asking again and again. */
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/**
 * Loads the next page when `sentinel` (an element after the list) comes near the viewport.
 * Browsers without IntersectionObserver keep the "show more" button.
 */
export function useLoadMoreOnSight(sentinel: RefObject<HTMLElement | null>, query: NextPageQuery): void {
  const latest = useRef(query);
  latest.current = query;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError } = query;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage || isFetchingNextPage || isFetchNextPageError || typeof IntersectionObserver === 'undefined') return;
    // A new observer after every page: if the sentinel is still in sight, the next one loads too.
    const observer = new IntersectionObserver(
      (entries) => {
        const q = latest.current;
        if (entries.some((e) => e.isIntersecting) && q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [sentinel, hasNextPage, isFetchingNextPage, isFetchNextPageError]);
}
