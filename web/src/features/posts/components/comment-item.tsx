import { useState } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import { useDeleteComment } from '@/features/posts/api/delete-comment';
import { useUpdateComment } from '@/features/posts/api/update-comment';
import { MAX_COMMENT_LENGTH, type Reply } from '@/features/posts/types/comment';
import { formatRelativeTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';

type CommentItemProps = {
  comment: Reply;
  /** The viewer wrote it: may edit and delete it. */
  own: boolean;
  /** The viewer wrote the post: may delete any comment on it. */
  moderator: boolean;
  onReply: () => void;
  now: Date;
};

/** One comment or reply: who, what, when; reply, and edit or delete where allowed. */
export function CommentItem({ comment, own, moderator, onReply, now }: CommentItemProps) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.text);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateComment(comment.post_id);
  const remove = useDeleteComment(comment.post_id);
  const testId = comment.parent_id ? 'reply' : 'comment';

  return (
    <div className="comment" data-testid={testId} data-comment-id={comment.id}>
      <Link to={`/users/${encodeURIComponent(comment.author.id)}`} className="comment__avatar" tabIndex={-1} aria-hidden="true">
        <Avatar name={comment.author.name} src={comment.author.avatar_url} size="md" />
      </Link>
      <div className="comment__body">
        <p className="comment__head">
          <Link to={`/users/${encodeURIComponent(comment.author.id)}`} className="comment__author">
            {comment.author.name}
          </Link>
          <span className="muted comment__time">
            <time dateTime={comment.created_at}>{formatRelativeTime(comment.created_at, lang, now)}</time>
            {comment.edited_at && ` · ${t('posts.edited')}`}
          </span>
        </p>
        {editing ? (
          <form
            className="comment__edit"
            onSubmit={(event) => {
              event.preventDefault();
              const next = text.trim();
              if (!next) return;
              update.mutate(
                { id: comment.id, text: next },
                {
                  onSuccess: () => setEditing(false),
                  onError: (error) => toast.error(t('posts.save_failed'), problemMessage(error, t)),
                },
              );
            }}
          >
            <label className="visually-hidden" htmlFor={`comment-edit-${comment.id}`}>
              {t('posts.comment_edit_label')}
            </label>
            <textarea
              id={`comment-edit-${comment.id}`}
              className="field__input comment-form__input"
              value={text}
              maxLength={MAX_COMMENT_LENGTH}
              onChange={(event) => setText(event.target.value)}
              autoFocus
              data-testid="comment-edit-input"
            />
            <div className="comment__actions">
              <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
                {t('posts.cancel')}
              </Button>
              <Button type="submit" size="sm" loading={update.isPending} disabled={!text.trim()} data-testid="comment-edit-save">
                {t('posts.save')}
              </Button>
            </div>
          </form>
        ) : (
          <p className="comment__text" data-testid="comment-text">
            {comment.text}
          </p>
        )}
        {!editing && (
          <div className="comment__actions">
            <button type="button" className="link-button" onClick={onReply} data-testid="comment-reply">
              {t('posts.reply')}
            </button>
            {own && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setText(comment.text);
                  setEditing(true);
                }}
                data-testid="comment-edit"
              >
                {t('posts.edit')}
              </button>
            )}
            {(own || moderator) &&
              (confirming ? (
                <span className="comment__confirm" role="group" aria-label={t('posts.comment_delete_confirm')}>
                  {t('posts.comment_delete_confirm')}
                  <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                    {t('posts.cancel')}
                  </button>
                  <button
                    type="button"
                    className="link-button link-button--danger"
                    onClick={() =>
                      remove.mutateAsync(comment).catch((error: unknown) => {
                        setConfirming(false);
                        toast.error(t('posts.delete_failed'), problemMessage(error, t));
                      })
                    }
                    data-testid="comment-delete-confirm"
                  >
                    {t('posts.delete')}
                  </button>
                </span>
              ) : (
                <button type="button" className="link-button" onClick={() => setConfirming(true)} data-testid="comment-delete">
                  {t('posts.delete')}
                </button>
              ))}
          </div>
        )}
      </div>
    </div>
  );
}
