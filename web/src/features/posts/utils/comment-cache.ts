import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { patchPost, postKeys } from '@/features/posts/api/keys';
import type { Comment, CommentsPage, RepliesPage, Reply } from '@/features/posts/types/comment';

// The comment caches of one post: its top-level comments (each with reply_count and its
// first replies) and, for a comment whose replies were opened, the replies paged in.

export type CommentsData = InfiniteData<CommentsPage, string | null>;
export type RepliesData = InfiniteData<RepliesPage, string | null>;

function mapComments(queryClient: QueryClient, postId: string, map: (items: Comment[]) => Comment[]): void {
  queryClient.setQueryData<CommentsData>(postKeys.comments(postId), (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: map(page.items) })) } : data,
  );
}

function mapReplies(queryClient: QueryClient, commentId: string, map: (items: Reply[]) => Reply[]): void {
  queryClient.setQueryData<RepliesData>(postKeys.replies(commentId), (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: map(page.items) })) } : data,
  );
}

const byTime = (a: Reply, b: Reply) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);

/** A comment's replies as shown: the first ones it came with and those paged in, once each, oldest first. */
export function mergeReplies(first: readonly Reply[], paged: { pages: readonly RepliesPage[] } | undefined): Reply[] {
  const byId = new Map<string, Reply>();
  for (const reply of first) byId.set(reply.id, reply);
  for (const page of paged?.pages ?? []) for (const reply of page.items) byId.set(reply.id, reply);
  return [...byId.values()].sort(byTime);
}

/** Every loaded top-level comment once, oldest first (a new one may also come with a later page). */
export function flattenComments(data: { pages: readonly CommentsPage[] } | undefined): Comment[] {
  const seen = new Set<string>();
  const out: Comment[] = [];
  for (const page of data?.pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}

/**
 * The post's comment count, ± `delta`. A new comment bumps it when it is sent (onMutate), not
 * when the server answers: the server's live `post:updated` (absolute counts, the new comment
 * included) may arrive before the POST's response, and a bump after it would count it twice.
 */
export function bumpCommentCount(queryClient: QueryClient, postId: string, delta: number): void {
  patchPost(queryClient, postId, (post) => ({ ...post, counts: { ...post.counts, comments: Math.max(0, post.counts.comments + delta) } }));
}

/** A comment just written: a top-level one at the end of the loaded list, a reply under its comment (the count is bumped on sending). */
export function addComment(queryClient: QueryClient, comment: Comment): void {
  const { post_id: postId, parent_id: parentId } = comment;
  if (parentId === null) {
    queryClient.setQueryData<CommentsData>(postKeys.comments(postId), (data) => {
      if (!data || data.pages.length === 0) return data;
      const pages = [...data.pages];
      const last = pages[pages.length - 1]!;
      pages[pages.length - 1] = { ...last, items: [...last.items.filter((c) => c.id !== comment.id), comment] };
      return { ...data, pages };
    });
  } else {
    const reply: Reply = {
      id: comment.id,
      post_id: comment.post_id,
      author: comment.author,
      text: comment.text,
      parent_id: parentId,
      created_at: comment.created_at,
      edited_at: comment.edited_at,
    };
    mapComments(queryClient, postId, (items) =>
      items.map((c) =>
        c.id === parentId && !c.replies.some((r) => r.id === reply.id)
          ? { ...c, reply_count: c.reply_count + 1, replies: [...c.replies, reply] }
          : c,
      ),
    );
  }
}

/** An edited comment or reply, wherever it is shown. */
export function replaceComment(queryClient: QueryClient, postId: string, saved: Reply): void {
  const patch = (c: Reply) => ({ ...c, text: saved.text, edited_at: saved.edited_at });
  mapComments(queryClient, postId, (items) =>
    items.map((c) => (c.id === saved.id ? { ...c, ...patch(c) } : { ...c, replies: c.replies.map((r) => (r.id === saved.id ? patch(r) : r)) })),
  );
  if (saved.parent_id) mapReplies(queryClient, saved.parent_id, (items) => items.map((r) => (r.id === saved.id ? patch(r) : r)));
}

/** A deleted comment leaves the thread; a deleted reply also lowers its comment's reply_count. */
export function dropComment(queryClient: QueryClient, postId: string, comment: Pick<Reply, 'id' | 'parent_id'>): void {
  if (comment.parent_id === null) {
    mapComments(queryClient, postId, (items) => items.filter((c) => c.id !== comment.id));
    queryClient.removeQueries({ queryKey: postKeys.replies(comment.id), exact: true });
  } else {
    const parentId = comment.parent_id;
    mapComments(queryClient, postId, (items) =>
      items.map((c) =>
        c.id === parentId ? { ...c, reply_count: Math.max(0, c.reply_count - 1), replies: c.replies.filter((r) => r.id !== comment.id) } : c,
      ),
    );
    mapReplies(queryClient, parentId, (items) => items.filter((r) => r.id !== comment.id));
  }
  bumpCommentCount(queryClient, postId, -1);
}
