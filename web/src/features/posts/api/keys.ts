import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Post, PostsPage } from '@/types/api';

// The posts feature's query keys and the cache functions other features may call (the only
// posts module they may import; see README "Features"). Every list of posts lives under
// `postKeys.lists()` as an infinite query of `{items: Post[], next_cursor}` pages, so one
// patch reaches a post wherever it is shown: the feed's tabs (under `postKeys.feeds()`, which
// the feed feature extends), a user's grid, and the post's own page.

export type PostsData = InfiniteData<PostsPage, string | null>;

export const postKeys = {
  all: ['posts'] as const,
  lists: () => ['posts', 'list'] as const,
  /** Where the feed feature keeps its tabs: `[...postKeys.feeds(), tab, …]`. */
  feeds: () => ['posts', 'list', 'feed'] as const,
  userPosts: (userId: string) => ['posts', 'list', 'user', userId] as const,
  detail: (id: string) => ['posts', 'detail', id] as const,
  likes: (postId: string) => ['posts', 'likes', postId] as const,
  comments: (postId: string) => ['posts', 'comments', postId] as const,
  replies: (commentId: string) => ['posts', 'replies', commentId] as const,
};

function mapPages(data: PostsData | undefined, map: (items: Post[]) => Post[]): PostsData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: map(page.items) })) };
}

/**
 * Rewrites one post wherever it is cached. A repost item keeps its own `repost` header: the
 * update is about the post inside it.
 */
export function patchPost(queryClient: QueryClient, id: string, update: (post: Post) => Post): void {
  queryClient.setQueriesData<PostsData>({ queryKey: postKeys.lists() }, (data) =>
    mapPages(data, (items) => items.map((item) => (item.id === id ? { ...update(item), repost: item.repost } : item))),
  );
  queryClient.setQueryData<Post>(postKeys.detail(id), (post) => (post ? { ...update(post), repost: null } : post));
}

/** The post as the cache holds it now (its own page first, then any list). */
export function findCachedPost(queryClient: QueryClient, id: string): Post | undefined {
  const detail = queryClient.getQueryData<Post>(postKeys.detail(id));
  if (detail) return detail;
  for (const [, data] of queryClient.getQueriesData<PostsData>({ queryKey: postKeys.lists() })) {
    for (const page of data?.pages ?? []) {
      const found = page.items.find((item) => item.id === id);
      if (found) return found;
    }
  }
  return undefined;
}

/** A deleted post leaves every list and its page at once. */
export function removePost(queryClient: QueryClient, id: string): void {
  queryClient.setQueriesData<PostsData>({ queryKey: postKeys.lists() }, (data) => mapPages(data, (items) => items.filter((item) => item.id !== id)));
  queryClient.removeQueries({ queryKey: postKeys.detail(id), exact: true });
  queryClient.removeQueries({ queryKey: postKeys.comments(id), exact: true });
}

function prependTo(data: PostsData | undefined, post: Post): PostsData | undefined {
  if (!data || data.pages.length === 0) return data;
  const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== post.id) }));
  const [first, ...rest] = pages;
  return { ...data, pages: [{ ...first!, items: [post, ...first!.items] }, ...rest] };
}

/** A post just published: at the top of every loaded feed tab and of its author's grid. */
export function prependPost(queryClient: QueryClient, post: Post): void {
  queryClient.setQueriesData<PostsData>({ queryKey: postKeys.feeds() }, (data) => prependTo(data, post));
  queryClient.setQueryData<PostsData>(postKeys.userPosts(post.author.id), (data) => prependTo(data, post));
  queryClient.setQueryData<Post>(postKeys.detail(post.id), post);
}

/**
 * Every loaded post once, in order. A post reaches a feed once (the server's rule), but a
 * page fetched after a live insert or a restart may repeat one: the first one wins.
 */
export function flattenPosts(data: { pages: readonly PostsPage[] } | undefined): Post[] {
  const seen = new Set<string>();
  const out: Post[] = [];
  for (const page of data?.pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}
