import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Sheet } from '@/components/ui/sheet';
import { toast } from '@/components/ui/toaster';
import { useLikePost } from '@/features/posts/api/like-post';
import { MAX_REPOST_COMMENT, useDeleteRepost, useRepost } from '@/features/posts/api/repost';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import type { Post } from '@/types/api';

const ICONS = {
  like: 'M12 21s-7.5-4.6-9.6-9.2C1 8.6 2.9 5 6.4 5c2.1 0 3.6 1.2 4.6 2.6C12 6.2 13.5 5 15.6 5 19.1 5 21 8.6 19.6 11.8 17.5 16.4 12 21 12 21z',
  comment: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z',
  repost: 'M7 7h10v3l4-4-4-4v3H5v6h2V7zm10 10H7v-3l-4 4 4 4v-3h12v-6h-2v4z',
};

function Icon({ path, filled }: { path: string; filled?: boolean }) {
  return (
    <svg className="post-action__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path d={path} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    </svg>
  );
}

/** ♥ and the count: changes at once, goes back with a toast if the server refuses. */
export function LikeButton({ post }: { post: Post }) {
  const { t } = useI18n();
  const like = useLikePost();
  const { liked } = post.viewer;
  return (
    <button
      type="button"
      className={`post-action${liked ? ' post-action--on' : ''}`}
      aria-pressed={liked}
      aria-label={t('posts.like_label', { count: post.counts.likes })}
      onClick={() => like.mutate({ id: post.id, like: !liked })}
      data-testid="like-button"
    >
      <Icon path={ICONS.like} filled={liked} />
      <span className="post-action__count" data-testid="like-count">
        {post.counts.likes}
      </span>
    </button>
  );
}

export function CommentsButton({ post, onClick }: { post: Post; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="post-action"
      aria-label={t('posts.comments_label', { count: post.counts.comments })}
      onClick={onClick}
      data-testid="comments-button"
    >
      <Icon path={ICONS.comment} />
      <span className="post-action__count" data-testid="comment-count">
        {post.counts.comments}
      </span>
    </button>
  );
}

/** A small dialog: repost with an optional comment, or take a repost back. */
function RepostDialog({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const repost = useRepost();
  const undo = useDeleteRepost();
  const fail = (error: unknown) => toast.error(t('posts.repost_failed'), problemMessage(error, t));

  if (post.viewer.reposted) {
    return (
      <Sheet title={t('posts.repost_title')} onClose={onClose} data-testid="repost-dialog">
        <p className="muted">{t('posts.reposted_already')}</p>
        <div className="sheet-actions">
          <Button variant="ghost" onClick={onClose}>
            {t('posts.cancel')}
          </Button>
          <Button
            variant="danger"
            loading={undo.isPending}
            onClick={() =>
              undo.mutate(post.id, {
                onSuccess: () => {
                  toast.success(t('posts.unreposted'));
                  onClose();
                },
                onError: fail,
              })
            }
            data-testid="repost-undo"
          >
            {t('posts.repost_undo')}
          </Button>
        </div>
      </Sheet>
    );
  }

  const trimmed = comment.trim();
  return (
    <Sheet title={t('posts.repost_title')} onClose={onClose} data-testid="repost-dialog">
      <form
        className="repost-form"
        onSubmit={(event) => {
          event.preventDefault();
          repost.mutate(
            { id: post.id, ...(trimmed ? { comment: trimmed } : {}) },
            {
              onSuccess: () => {
                toast.success(t('posts.reposted'));
                onClose();
              },
              onError: fail,
            },
          );
        }}
      >
        <label className="field">
          <span className="field__label">{t('posts.repost_comment')}</span>
          <textarea
            className="field__input field__textarea"
            value={comment}
            maxLength={MAX_REPOST_COMMENT}
            rows={3}
            placeholder={t('posts.repost_comment_placeholder')}
            onChange={(event) => setComment(event.target.value)}
            data-autofocus
            data-testid="repost-comment"
          />
        </label>
        <div className="sheet-actions">
          <Button variant="ghost" onClick={onClose}>
            {t('posts.cancel')}
          </Button>
          <Button type="submit" loading={repost.isPending} data-testid="repost-submit">
            {t('posts.repost_submit')}
          </Button>
        </div>
      </form>
    </Sheet>
  );
}

export function RepostButton({ post, disabled = false }: { post: Post; disabled?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { reposted } = post.viewer;
  return (
    <>
      <button
        type="button"
        className={`post-action${reposted ? ' post-action--on' : ''}`}
        aria-pressed={reposted}
        aria-label={t('posts.repost_label', { count: post.counts.reposts })}
        disabled={disabled}
        onClick={() => setOpen(true)}
        data-testid="repost-button"
      >
        <Icon path={ICONS.repost} />
        <span className="post-action__count" data-testid="repost-count">
          {post.counts.reposts}
        </span>
      </button>
      {open && <RepostDialog post={post} onClose={() => setOpen(false)} />}
    </>
  );
}
