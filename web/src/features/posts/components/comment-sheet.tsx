import { Sheet } from '@/components/ui/sheet';
import { CommentThread } from '@/features/posts/components/comment-thread';
import { useI18n } from '@/lib/i18n';
import type { Post } from '@/types/api';

/** The comments of a post in a sheet over the feed: a panel from the bottom of a phone, a dialog on a desktop. */
export function CommentSheet({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Sheet title={t('posts.comments_title', { count: post.counts.comments })} onClose={onClose} size="tall" data-testid="comment-sheet">
      <CommentThread post={post} autoFocus />
    </Sheet>
  );
}
