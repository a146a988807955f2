import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { ShowMoreButton } from '@/components/ui/show-more-button';
import { Spinner } from '@/components/ui/spinner';
import { useComments } from '@/features/posts/api/get-comments';
import { useReplies } from '@/features/posts/api/get-replies';
import { CommentForm, type ReplyTarget } from '@/features/posts/components/comment-form';
import { CommentItem } from '@/features/posts/components/comment-item';
import type { Comment } from '@/features/posts/types/comment';
import { flattenComments, mergeReplies } from '@/features/posts/utils/comment-cache';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useLoadMoreOnSight } from '@/lib/use-load-more-on-sight';
import type { Post } from '@/types/api';
import '@/features/posts/styles/posts.css';

type ThreadProps = {
  comment: Comment;
  viewerId: string | undefined;
  moderator: boolean;
  onReply: (target: ReplyTarget) => void;
  now: Date;
};

/** A top-level comment, its first replies, and "show more replies" for the rest. */
function CommentWithReplies({ comment, viewerId, moderator, onReply, now }: ThreadProps) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const replies = useReplies(comment.id, { enabled: expanded });
  const shown = mergeReplies(comment.replies, replies.data);
  const hidden = Math.max(0, comment.reply_count - shown.length);
  // Once opened, the pages say whether there is more (a count may be a moment behind).
  const more = hidden > 0 && (!expanded || replies.isPending || replies.hasNextPage);
  // Replying to a reply answers its comment: one level of replies.
  const reply = () => onReply({ commentId: comment.id, name: comment.author.name });

  return (
    <li className="comment-thread__item">
      <CommentItem comment={comment} own={comment.author.id === viewerId} moderator={moderator} onReply={reply} now={now} />
      {(shown.length > 0 || more) && (
        <div className="comment-thread__replies">
          {shown.length > 0 && (
            <ul className="comment-thread__reply-list" aria-label={t('posts.replies_to', { name: comment.author.name })}>
              {shown.map((r) => (
                <li key={r.id}>
                  <CommentItem
                    comment={r}
                    own={r.author.id === viewerId}
                    moderator={moderator}
                    onReply={() => onReply({ commentId: comment.id, name: r.author.name })}
                    now={now}
                  />
                </li>
              ))}
            </ul>
          )}
          {more && (
            <Button
              variant="ghost"
              size="sm"
              className="comment-thread__more"
              loading={expanded && (replies.isPending || replies.isFetchingNextPage)}
              onClick={() => (expanded ? void replies.fetchNextPage() : setExpanded(true))}
              data-testid="replies-more"
            >
              {t('posts.more_replies', { n: hidden })}
            </Button>
          )}
          {replies.isError && <QueryErrorAlert query={replies} />}
        </div>
      )}
    </li>
  );
}

/**
 * A post's comments, oldest first, paged as the end comes into sight; each with its first
 * replies. The box at the bottom writes a comment or, after "reply", a reply.
 */
export function CommentThread({ post, autoFocus = false }: { post: Post; autoFocus?: boolean }) {
  const { t } = useI18n();
  const me = useUser().data;
  const comments = useComments(post.id);
  const [replyTo, setReplyTo] = useState<ReplyTarget | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  useLoadMoreOnSight(sentinel, comments);
  const moderator = me?.id === post.author.id;
  const now = new Date();
  const items = flattenComments(comments.data);

  return (
    <div className="comment-thread" data-testid="comment-thread">
      {comments.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : comments.isError && !comments.data ? (
        <QueryErrorAlert query={comments} data-testid="comments-error" />
      ) : items.length === 0 ? (
        <p className="muted comment-thread__empty" data-testid="comments-empty">
          {t('posts.no_comments')}
        </p>
      ) : (
        <>
          <ul className="comment-thread__list" aria-label={t('posts.comments')}>
            {items.map((comment) => (
              <CommentWithReplies key={comment.id} comment={comment} viewerId={me?.id} moderator={moderator} onReply={setReplyTo} now={now} />
            ))}
          </ul>
          <div ref={sentinel} aria-hidden="true" />
          {comments.isFetchNextPageError ? (
            <QueryErrorAlert query={{ error: comments.error, refetch: () => comments.fetchNextPage() }} />
          ) : (
            <ShowMoreButton query={comments} small data-testid="comments-more" />
          )}
        </>
      )}
      <div className="comment-thread__form">
        <CommentForm postId={post.id} replyTo={replyTo} onCancelReply={() => setReplyTo(null)} autoFocus={autoFocus} />
      </div>
    </div>
  );
}
