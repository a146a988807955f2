import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import { useCreateComment } from '@/features/posts/api/create-comment';
import { MAX_COMMENT_LENGTH } from '@/features/posts/types/comment';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';

export type ReplyTarget = { commentId: string; name: string };

type CommentFormProps = {
  postId: string;
  replyTo: ReplyTarget | null;
  onCancelReply: () => void;
  autoFocus?: boolean;
};

/** The box under a thread: a comment on the post, or a reply to one comment. */
export function CommentForm({ postId, replyTo, onCancelReply, autoFocus = false }: CommentFormProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const create = useCreateComment(postId);
  const trimmed = text.trim();

  useEffect(() => {
    if (replyTo) input.current?.focus();
  }, [replyTo]);

  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!trimmed) return;
        create.mutate(
          { text: trimmed, ...(replyTo ? { parent_id: replyTo.commentId } : {}) },
          {
            onSuccess: () => {
              setText('');
              onCancelReply();
            },
            onError: (error) => toast.error(t('posts.comment_failed'), problemMessage(error, t)),
          },
        );
      }}
      data-testid="comment-form"
    >
      {replyTo && (
        <p className="comment-form__reply muted" data-testid="comment-reply-to">
          {t('posts.replying_to', { name: replyTo.name })}
          <button type="button" className="link-button" onClick={onCancelReply}>
            {t('posts.cancel')}
          </button>
        </p>
      )}
      <div className="comment-form__row">
        <label className="visually-hidden" htmlFor={`comment-input-${postId}`}>
          {replyTo ? t('posts.reply_label', { name: replyTo.name }) : t('posts.comment_label')}
        </label>
        <textarea
          id={`comment-input-${postId}`}
          ref={input}
          className="field__input comment-form__input"
          rows={1}
          value={text}
          maxLength={MAX_COMMENT_LENGTH}
          placeholder={replyTo ? t('posts.reply_placeholder') : t('posts.comment_placeholder')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
          autoFocus={autoFocus}
          data-autofocus={autoFocus || undefined}
          data-testid="comment-input"
        />
        <Button type="submit" size="sm" disabled={!trimmed} loading={create.isPending} data-testid="comment-submit">
          {t('posts.send')}
        </Button>
      </div>
    </form>
  );
}
