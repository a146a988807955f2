import { useRef } from 'react';
import { Link } from 'react-router';
import { Photo } from '@/components/ui/photo';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { ShowMoreButton } from '@/components/ui/show-more-button';
import { useUserPosts } from '@/features/posts/api/get-user-posts';
import { flattenPosts } from '@/features/posts/api/keys';
import { formatRelativeTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useLoadMoreOnSight } from '@/lib/use-load-more-on-sight';
import '@/features/posts/styles/posts.css';

function GridSkeleton() {
  return (
    <div className="posts-grid" aria-hidden="true" data-testid="user-posts-skeleton">
      {Array.from({ length: 6 }, (_, i) => (
        <span key={i} className="posts-grid__cell skeleton" />
      ))}
    </div>
  );
}

/**
 * A user's posts as a three-column grid of their first photos, newest first, loading more
 * as the end comes into sight; a cell opens the post.
 */
export function UserPostsGrid({ userId }: { userId: string }) {
  const { t, lang } = useI18n();
  const posts = useUserPosts(userId);
  const sentinel = useRef<HTMLDivElement>(null);
  useLoadMoreOnSight(sentinel, posts);

  if (posts.isPending) return <GridSkeleton />;
  if (posts.isError && !posts.data) return <QueryErrorAlert query={posts} data-testid="user-posts-error" />;
  const items = flattenPosts(posts.data);
  if (items.length === 0) {
    return (
      <p className="muted empty" data-testid="user-posts-empty">
        {t('posts.grid_empty')}
      </p>
    );
  }
  const now = new Date();
  return (
    <div data-testid="user-posts-grid" data-user-id={userId}>
      <ul className="posts-grid" aria-label={t('posts.grid_label')}>
        {items.map((post) => {
          const first = post.media[0];
          const label = post.text
            ? t('posts.grid_item_text', { text: post.text.slice(0, 80) })
            : t('posts.grid_item', { when: formatRelativeTime(post.created_at, lang, now) });
          return (
            <li key={post.id} className="posts-grid__cell">
              <Link to={`/posts/${encodeURIComponent(post.id)}`} className="posts-grid__link" aria-label={label} data-testid="user-post-cell">
                {first ? <Photo photo={first} alt="" sizes="(min-width: 640px) 240px, 33vw" /> : <span className="posts-grid__text">{post.text}</span>}
                {post.media.length > 1 && (
                  <span className="posts-grid__many" aria-hidden="true">
                    ❐
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
      <div ref={sentinel} aria-hidden="true" />
      {posts.isFetchNextPageError ? (
        <QueryErrorAlert query={{ error: posts.error, refetch: () => posts.fetchNextPage() }} />
      ) : (
        <ShowMoreButton query={posts} data-testid="user-posts-more" />
      )}
    </div>
  );
}
