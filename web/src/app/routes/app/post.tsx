import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { RetryButton } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { usePost } from '@/features/posts/api/get-post';
import { CommentThread } from '@/features/posts/components/comment-thread';
import { PostCard } from '@/features/posts/components/post-card';
import { isApiProblem } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';

/** /posts/:id: one post with its comments open under it. */
export function PostRoute() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const post = usePost(id);
  useDocumentTitle(post.data ? `${t('posts.post')}: ${post.data.author.name}` : t('posts.post'));

  if (post.isPending) return <PageSpinner label={t('common.loading')} />;
  if (post.isError) {
    const missing = isApiProblem(post.error) && post.error.status === 404;
    return (
      <Alert
        title={missing ? t('posts.not_found') : problemMessage(post.error, t)}
        data-testid="post-error"
        action={
          missing ? (
            <Link to="/" className="btn btn--secondary btn--sm">
              {t('posts.back_to_feed')}
            </Link>
          ) : (
            <RetryButton onRetry={() => void post.refetch()} />
          )
        }
      />
    );
  }

  return (
    <div className="page post-page">
      <PostCard
        post={post.data}
        standalone
        onComments={() => document.getElementById(`comment-input-${post.data.id}`)?.focus()}
        onDeleted={() => navigate('/', { replace: true })}
      />
      <section className="card post-page__comments" aria-labelledby="post-comments-title">
        <h2 id="post-comments-title" className="card__subtitle">
          {t('posts.comments_title', { count: post.data.counts.comments })}
        </h2>
        <CommentThread post={post.data} />
      </section>
    </div>
  );
}
