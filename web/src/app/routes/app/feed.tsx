import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { FeedView } from '@/features/feed/components/feed-view';
import { PostCard } from '@/features/posts/components/post-card';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

/** The home page after login: the feed (feed feature) of post cards (posts feature). */
export function FeedRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('feed.title'));
  const me = useUser().data;
  const compose =
    me?.role === 'master' ? (
      <Link to="/posts/new" className="feed__compose" data-testid="feed-compose">
        <Avatar name={me.name} src={me.avatar_url} size="md" />
        <span>{t('feed.compose')}</span>
      </Link>
    ) : undefined;
  return <FeedView header={compose} renderPost={(post) => <PostCard post={post} />} />;
}
