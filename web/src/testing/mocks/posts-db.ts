import type { Comment, Reply } from '@/features/posts/types/comment';
import { db, type StoredUser } from '@/testing/mocks/db';
import { categoryById, masterOfUser, mdb } from '@/testing/mocks/marketplace-db';
import { mediaDb, seedMedia } from '@/testing/mocks/media-db';
import type { Post, PostMedia, UserCard } from '@/types/api';

// Posts, likes, comments, reposts and feed snapshots in the mock server, reset after every
// test. It follows the contract of issue 11 (stable paging over a snapshot, 410 when it is
// gone, one level of replies), not the server's ranking: a feed is every post and repost,
// newest first, each post once.

export type StoredPost = {
  id: string;
  author_id: string;
  text: string;
  media_ids: string[];
  category_id: string | null;
  service_id: string | null;
  created_at: string;
  edited_at: string | null;
  deleted: boolean;
};

export type StoredComment = {
  id: string;
  post_id: string;
  author_id: string;
  text: string;
  parent_id: string | null;
  created_at: string;
  edited_at: string | null;
};

export type StoredRepost = { user_id: string; post_id: string; comment: string | null; created_at: string };

/** One line of a feed snapshot: a post, directly or as someone's repost. */
export type FeedEntry = { post_id: string; by: string | null };

export const pdb = {
  posts: new Map<string, StoredPost>(),
  comments: new Map<string, StoredComment>(),
  /** post id → user ids. */
  likes: new Map<string, Set<string>>(),
  reposts: [] as StoredRepost[],
  snapshots: new Map<string, FeedEntry[]>(),
  counter: 0,
  /** Like and unlike answer 500 while set. */
  failLikes: false,
  calls: {
    feeds: [] as URLSearchParams[],
    likes: [] as { id: string; method: string }[],
    creates: [] as unknown[],
    comments: [] as { postId: string; body: unknown }[],
    reposts: [] as { id: string; body: unknown }[],
    replies: [] as string[],
  },
};

export function resetPostsDb(): void {
  pdb.posts.clear();
  pdb.comments.clear();
  pdb.likes.clear();
  pdb.reposts = [];
  pdb.snapshots.clear();
  pdb.counter = 0;
  pdb.failLikes = false;
  pdb.calls = { feeds: [], likes: [], creates: [], comments: [], reposts: [], replies: [] };
}

export function nextPostsId(prefix: string): string {
  pdb.counter += 1;
  return `${prefix}-0000-4000-8000-${String(pdb.counter).padStart(12, '0')}`;
}

/** Seeded things are an hour old and a minute apart, in the order they are seeded. */
function seededTime(): string {
  return new Date(Date.now() - 3_600_000 + pdb.counter * 1000).toISOString();
}

export function userCard(user: StoredUser): UserCard {
  return { id: user.id, name: user.name, avatar_url: user.avatar_url, role: user.role, master_id: masterOfUser(user.id)?.id ?? null };
}

function postMedia(id: string): PostMedia | null {
  const media = mediaDb.media.get(id);
  if (!media) return null;
  return { id: media.id, width: media.width, height: media.height, placeholder: media.placeholder, variants: media.variants };
}

export function liveComments(postId: string): StoredComment[] {
  return [...pdb.comments.values()].filter((c) => c.post_id === postId).sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
}

export function postView(post: StoredPost, viewer: StoredUser | undefined, repost: StoredRepost | null = null): Post {
  const author = db.users.get(post.author_id)!;
  const category = post.category_id ? categoryById(post.category_id) : undefined;
  const service = post.service_id ? mdb.services.get(post.service_id) : undefined;
  const likes = pdb.likes.get(post.id) ?? new Set<string>();
  const by = repost ? db.users.get(repost.user_id) : undefined;
  return {
    id: post.id,
    author: { id: author.id, name: author.name, avatar_url: author.avatar_url, master_id: masterOfUser(author.id)?.id ?? null },
    text: post.text,
    media: post.media_ids.map(postMedia).filter((m): m is PostMedia => m !== null),
    category: category ? { id: category.id, name: category.name_ru, slug: category.slug } : null,
    service: service
      ? { id: service.id, name: service.name, price_minor: service.price_minor, currency: service.currency, duration_min: service.duration_min }
      : null,
    counts: {
      likes: likes.size,
      comments: liveComments(post.id).length,
      reposts: pdb.reposts.filter((r) => r.post_id === post.id).length,
    },
    viewer: {
      liked: viewer ? likes.has(viewer.id) : false,
      reposted: viewer ? pdb.reposts.some((r) => r.post_id === post.id && r.user_id === viewer.id) : false,
    },
    created_at: post.created_at,
    edited_at: post.edited_at,
    repost: repost && by ? { by: userCard(by), comment: repost.comment, created_at: repost.created_at } : null,
  };
}

export function replyView(comment: StoredComment): Reply {
  const author = db.users.get(comment.author_id)!;
  return {
    id: comment.id,
    post_id: comment.post_id,
    author: userCard(author),
    text: comment.text,
    parent_id: comment.parent_id,
    created_at: comment.created_at,
    edited_at: comment.edited_at,
  };
}

export function repliesOf(commentId: string): StoredComment[] {
  return liveComments(pdb.comments.get(commentId)?.post_id ?? '').filter((c) => c.parent_id === commentId);
}

export function commentView(comment: StoredComment): Comment {
  const replies = comment.parent_id === null ? repliesOf(comment.id) : [];
  return { ...replyView(comment), reply_count: replies.length, replies: replies.slice(0, 2).map(replyView) };
}

/** Every live post once, newest first: a repost counts at its own time; the newest way in wins. */
export function rankedFeed(): FeedEntry[] {
  const lines: { entry: FeedEntry; at: string }[] = [];
  for (const post of pdb.posts.values()) if (!post.deleted) lines.push({ entry: { post_id: post.id, by: null }, at: post.created_at });
  for (const r of pdb.reposts) if (!pdb.posts.get(r.post_id)?.deleted) lines.push({ entry: { post_id: r.post_id, by: r.user_id }, at: r.created_at });
  lines.sort((a, b) => b.at.localeCompare(a.at));
  const seen = new Set<string>();
  return lines.filter(({ entry }) => (seen.has(entry.post_id) ? false : (seen.add(entry.post_id), true))).map((l) => l.entry);
}

/** The server forgets every snapshot (five idle minutes went by): the next cursor gets 410. */
export function expireFeedSnapshots(): void {
  pdb.snapshots.clear();
}

type SeedPostInput = Partial<Omit<StoredPost, 'id' | 'author_id' | 'media_ids'>> & { photos?: number };

/** A post of `author` with `photos` processed photos (one by default). */
export function seedPost(author: StoredUser, { photos = 1, ...input }: SeedPostInput = {}): StoredPost {
  const media_ids = Array.from({ length: photos }, () => seedMedia(author.id, 'post').id);
  const post: StoredPost = {
    id: nextPostsId('70000000'),
    author_id: author.id,
    text: '',
    media_ids,
    category_id: null,
    service_id: null,
    created_at: seededTime(),
    edited_at: null,
    deleted: false,
    ...input,
  };
  pdb.posts.set(post.id, post);
  return post;
}

/** `n` posts of `author`, the last one the newest; texts "Пост 1" … "Пост n". */
export function seedPosts(author: StoredUser, n: number): StoredPost[] {
  return Array.from({ length: n }, (_, i) => seedPost(author, { text: `Пост ${i + 1}` }));
}

export function seedComment(post: StoredPost, author: StoredUser, text: string, parent: StoredComment | null = null): StoredComment {
  const comment: StoredComment = {
    id: nextPostsId('71000000'),
    post_id: post.id,
    author_id: author.id,
    text,
    parent_id: parent ? (parent.parent_id ?? parent.id) : null,
    created_at: seededTime(),
    edited_at: null,
  };
  pdb.comments.set(comment.id, comment);
  return comment;
}

export function seedLikes(post: StoredPost, users: StoredUser[]): void {
  pdb.likes.set(post.id, new Set(users.map((u) => u.id)));
}

export function seedRepost(post: StoredPost, by: StoredUser, comment: string | null = null): StoredRepost {
  pdb.counter += 1;
  const repost: StoredRepost = { user_id: by.id, post_id: post.id, comment, created_at: seededTime() };
  pdb.reposts.push(repost);
  return repost;
}
