import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { Spinner } from '@/components/ui/spinner';
import { Tabs, useTabParam } from '@/components/ui/tabs';
import { isSnapshotExpired, useFeed } from '@/features/feed/api/get-feed';
import { FEED_TABS, feedKeys, restartFeed, type FeedTab } from '@/features/feed/api/keys';
import { FeedSkeleton } from '@/features/feed/components/feed-skeleton';
import { useFeedLocation } from '@/features/feed/hooks/use-feed-location';
import { useNewPosts } from '@/features/feed/hooks/use-new-posts';
import { flattenPosts } from '@/features/posts/api/keys';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { useLoadMoreOnSight } from '@/lib/use-load-more-on-sight';
import type { Post } from '@/types/api';
import '@/features/feed/styles/feed.css';

const TAB_LABELS: Record<FeedTab, MessageKey> = {
  for_you: 'feed.tab.for_you',
  following: 'feed.tab.following',
  nearby: 'feed.tab.nearby',
};

const EMPTY: Record<FeedTab, MessageKey> = {
  for_you: 'feed.empty.for_you',
  following: 'feed.empty.following',
  nearby: 'feed.empty.nearby',
};

function scrollToTop(): void {
  window.scrollTo({ top: 0, behavior: 'smooth' });
}

type FeedViewProps = {
  /** Draws one post (the app passes the posts feature's card). */
  renderPost: (post: Post) => ReactNode;
  /** Above the tabs, e.g. a master's "new post" entry. */
  header?: ReactNode;
};

/**
 * The home page's feed: tabs For you / Following / Nearby, pages loading as the end comes
 * into sight, every post once. An expired snapshot starts again from the top without a word;
 * `feed:new_posts` shows a pill that goes to the top and loads the news.
 */
export function FeedView({ renderPost, header }: FeedViewProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [tab, setTab] = useTabParam(FEED_TABS);
  const where = useFeedLocation(tab);
  const feed = useFeed(tab, where.location, { enabled: where.ready });
  const key = useMemo(() => feedKeys.tab(tab, where.location), [tab, where.location]);
  const news = useNewPosts();
  const sentinel = useRef<HTMLDivElement>(null);
  useLoadMoreOnSight(sentinel, feed);

  const expired = feed.isFetchNextPageError && isSnapshotExpired(feed.error);
  useEffect(() => {
    if (!expired) return;
    void restartFeed(queryClient, key);
    scrollToTop();
  }, [expired, queryClient, key]);

  const showNew = () => {
    news.clear();
    scrollToTop();
    void restartFeed(queryClient, key);
  };

  const items = flattenPosts(feed.data);
  let body: ReactNode;
  if (!where.ready || feed.isPending) body = <FeedSkeleton />;
  else if (feed.isError && !feed.data) body = <QueryErrorAlert query={feed} data-testid="feed-error" />;
  else if (items.length === 0) {
    body = (
      <div className="feed__empty" data-testid="feed-empty">
        <p className="muted">{t(EMPTY[tab])}</p>
        <Link to="/masters" className="btn btn--secondary btn--sm">
          {t('feed.find_masters')}
        </Link>
      </div>
    );
  } else {
    body = (
      <>
        <ul className="feed__list" aria-label={t(TAB_LABELS[tab])} data-testid="feed-list">
          {items.map((post) => (
            <li key={post.id} className="feed__item">
              {renderPost(post)}
            </li>
          ))}
        </ul>
        <div ref={sentinel} className="feed__sentinel" aria-hidden="true" />
        {feed.isFetchingNextPage && <Spinner label={t('common.loading')} />}
        {feed.isFetchNextPageError && !expired && (
          <QueryErrorAlert query={{ error: feed.error, refetch: () => feed.fetchNextPage() }} data-testid="feed-page-error" />
        )}
        {!feed.hasNextPage && !feed.isFetchNextPageError && (
          <p className="muted feed__end" data-testid="feed-end">
            {t('feed.end')}
          </p>
        )}
        {feed.hasNextPage && !feed.isFetchingNextPage && !feed.isFetchNextPageError && (
          <button type="button" className="btn btn--secondary btn--block" onClick={() => void feed.fetchNextPage()} data-testid="feed-more">
            {t('common.show_more')}
          </button>
        )}
      </>
    );
  }

  return (
    <section className="feed" aria-labelledby="feed-title">
      <h1 id="feed-title" className="visually-hidden">
        {t('feed.title')}
      </h1>
      {header}
      <div className="feed__tabs">
        <Tabs
          tabs={FEED_TABS}
          selected={tab}
          onSelect={(next) => {
            news.clear();
            setTab(next);
          }}
          label={(name) => t(TAB_LABELS[name])}
          aria-label={t('feed.tabs')}
        />
      </div>
      {news.count > 0 && (
        <button type="button" className="feed__pill" onClick={showNew} data-testid="feed-new-posts">
          ↑ {t('feed.new_posts')}
        </button>
      )}
      {body}
    </section>
  );
}
