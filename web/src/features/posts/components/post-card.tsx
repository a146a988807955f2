import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { Sheet } from '@/components/ui/sheet';
import { toast } from '@/components/ui/toaster';
import { MAX_POST_TEXT } from '@/features/posts/api/create-post';
import { useDeletePost } from '@/features/posts/api/delete-post';
import { useUpdatePost } from '@/features/posts/api/update-post';
import { CommentSheet } from '@/features/posts/components/comment-sheet';
import { PhotoCarousel } from '@/features/posts/components/photo-carousel';
import { CommentsButton, LikeButton, RepostButton } from '@/features/posts/components/post-actions';
import { PostMenu } from '@/features/posts/components/post-menu';
import { PostText } from '@/features/posts/components/post-text';
import { usePostWatch } from '@/features/posts/hooks/use-post-watch';
import { useUser } from '@/lib/auth';
import { formatDuration, formatMoney, formatRelativeTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import type { Post } from '@/types/api';
import '@/features/posts/styles/posts.css';

type PostCardProps = {
  post: Post;
  /** Instead of opening the comment sheet (a post's own page shows the comments under it). */
  onComments?: () => void;
  /** After the author deleted it (e.g. leave the post's page). */
  onDeleted?: () => void;
  /** On a post's own page: watched for live counts while mounted, not only while in sight. */
  standalone?: boolean;
};

function ServiceBlock({ post, own }: { post: Post; own: boolean }) {
  const { t, lang } = useI18n();
  const { service, author } = post;
  if (!service) return null;
  return (
    <div className="post-service" data-testid="post-service">
      <div className="post-service__body">
        <p className="post-service__name">{service.name}</p>
        <p className="post-service__meta muted">
          <span data-testid="post-service-price">{formatMoney(service.price_minor, service.currency, lang)}</span>
          {' · '}
          <span data-testid="post-service-duration">{formatDuration(service.duration_min, lang)}</span>
        </p>
      </div>
      {!own && author.master_id && (
        <Link
          to={`/masters/${encodeURIComponent(author.master_id)}?${new URLSearchParams({ service: service.id })}#book`}
          className="btn btn--primary btn--sm"
          aria-label={t('posts.book_named', { name: service.name })}
          data-testid="post-book"
        >
          {t('posts.book')}
        </Link>
      )}
    </div>
  );
}

function EditText({ post, onDone }: { post: Post; onDone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(post.text);
  const update = useUpdatePost();
  return (
    <form
      className="post-edit"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { id: post.id, input: { text: text.trim() } },
          {
            onSuccess: () => {
              toast.success(t('posts.saved'));
              onDone();
            },
            onError: (error) => toast.error(t('posts.save_failed'), problemMessage(error, t)),
          },
        );
      }}
    >
      <label className="visually-hidden-label" htmlFor={`post-edit-${post.id}`}>
        {t('posts.text')}
      </label>
      <textarea
        id={`post-edit-${post.id}`}
        className="field__input field__textarea"
        value={text}
        rows={4}
        maxLength={MAX_POST_TEXT}
        onChange={(event) => setText(event.target.value)}
        autoFocus
        data-testid="post-edit-text"
      />
      <div className="post-edit__row">
        <span className="muted post-edit__counter">{t('posts.counter', { n: text.length, max: MAX_POST_TEXT })}</span>
        <Button variant="ghost" size="sm" onClick={onDone}>
          {t('posts.cancel')}
        </Button>
        <Button type="submit" size="sm" loading={update.isPending} disabled={text.trim() === post.text} data-testid="post-edit-save">
          {t('posts.save')}
        </Button>
      </div>
    </form>
  );
}

function DeleteDialog({ post, onClose, onDeleted }: { post: Post; onClose: () => void; onDeleted?: (() => void) | undefined }) {
  const { t } = useI18n();
  const remove = useDeletePost();
  return (
    <Sheet title={t('posts.delete_title')} onClose={onClose} data-testid="post-delete-dialog">
      <p className="muted">{t('posts.delete_text')}</p>
      <div className="sheet-actions">
        <Button variant="ghost" onClick={onClose} data-autofocus>
          {t('posts.cancel')}
        </Button>
        <Button
          variant="danger"
          loading={remove.isPending}
          // Not mutate()'s callbacks: a deleted post leaves the list, and its card with it.
          onClick={() =>
            remove.mutateAsync(post.id).then(
              () => {
                toast.success(t('posts.deleted'));
                onDeleted?.();
              },
              (error: unknown) => toast.error(t('posts.delete_failed'), problemMessage(error, t)),
            )
          }
          data-testid="post-delete-confirm"
        >
          {t('posts.delete')}
        </Button>
      </div>
    </Sheet>
  );
}

/**
 * One post: who posted it (and who reposted it), the photos, likes, comments and reposts,
 * the text, its category, and the service it offers with a "book" button.
 */
export function PostCard({ post, onComments, onDeleted, standalone = false }: PostCardProps) {
  const { t, lang } = useI18n();
  const me = useUser().data;
  const card = useRef<HTMLElement>(null);
  usePostWatch(card, post.id, { always: standalone });
  const [commentsOpen, setCommentsOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const own = me?.id === post.author.id;
  const now = new Date();
  const titleId = `post-${post.id}-author`;
  const alt = post.text ? t('posts.photo_alt_text', { name: post.author.name, text: post.text.slice(0, 80) }) : t('posts.photo_alt', { name: post.author.name });

  return (
    <article className="post-card" aria-labelledby={titleId} data-testid="post-card" data-post-id={post.id}>
      {post.repost && (
        <div className="post-card__repost" data-testid="post-reposted-by">
          <p className="post-card__repost-head muted">
            <span aria-hidden="true">↻ </span>
            <Link to={`/users/${encodeURIComponent(post.repost.by.id)}`}>{post.repost.by.name}</Link> {t('posts.reposted_by')}
          </p>
          {post.repost.comment && (
            <p className="post-card__repost-comment" data-testid="post-repost-comment">
              {post.repost.comment}
            </p>
          )}
        </div>
      )}
      <header className="post-card__head">
        <Link to={`/users/${encodeURIComponent(post.author.id)}`} className="post-card__author" data-testid="post-author">
          <Avatar name={post.author.name} src={post.author.avatar_url} size="md" />
          <span id={titleId} className="post-card__name">
            {post.author.name}
          </span>
        </Link>
        <span className="post-card__when muted">
          <Link to={`/posts/${encodeURIComponent(post.id)}`} className="post-card__time" data-testid="post-link">
            <time dateTime={post.created_at}>{formatRelativeTime(post.created_at, lang, now)}</time>
          </Link>
          {post.edited_at && (
            <span className="post-card__edited" data-testid="post-edited">
              {' · '}
              {t('posts.edited')}
            </span>
          )}
        </span>
        {own && <PostMenu onEdit={() => setEditing(true)} onDelete={() => setDeleting(true)} />}
      </header>

      <PhotoCarousel media={post.media} alt={alt} />

      <div className="post-card__body">
        <div className="post-card__actions">
          <LikeButton post={post} />
          <CommentsButton post={post} onClick={onComments ?? (() => setCommentsOpen(true))} />
          <RepostButton post={post} disabled={own} />
        </div>
        {editing ? <EditText post={post} onDone={() => setEditing(false)} /> : post.text && <PostText text={post.text} />}
        {post.category && (
          <p className="post-card__tags">
            <span className="chip chip--static" data-testid="post-category">
              {post.category.name}
            </span>
          </p>
        )}
        <ServiceBlock post={post} own={own} />
      </div>

      {commentsOpen && <CommentSheet post={post} onClose={() => setCommentsOpen(false)} />}
      {deleting && (
        <DeleteDialog
          post={post}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            onDeleted?.();
          }}
        />
      )}
    </article>
  );
}
