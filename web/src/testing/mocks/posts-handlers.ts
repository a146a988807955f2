import { http, HttpResponse } from 'msw';
import type { ZodError } from 'zod';
import { createCommentInputSchema } from '@/features/posts/api/create-comment';
import { createPostInputSchema } from '@/features/posts/api/create-post';
import { likesPageSchema } from '@/features/posts/api/get-post-likes';
import { repostInputSchema } from '@/features/posts/api/repost';
import { updateCommentInputSchema } from '@/features/posts/api/update-comment';
import { updatePostInputSchema } from '@/features/posts/api/update-post';
import { commentSchema, commentsPageSchema, repliesPageSchema, replySchema } from '@/features/posts/types/comment';
import { db, userForAccessToken } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { mdb } from '@/testing/mocks/marketplace-db';
import { mediaDb } from '@/testing/mocks/media-db';
import {
  commentView,
  liveComments,
  nextPostsId,
  pdb,
  postView,
  rankedFeed,
  repliesOf,
  replyView,
  userCard,
  type StoredComment,
  type StoredPost,
} from '@/testing/mocks/posts-db';
import { postSchema, postsPageSchema } from '@/types/api';

// Every response body is parsed with the app's own schema, so mock and client cannot drift.

const unauthorized = () => problem(401, 'token_expired', 'Unauthorized');
const notFound = () => problem(404, 'not_found', 'Not Found');
const forbidden = () => problem(403, 'forbidden', 'Forbidden');
const validation = (error: ZodError) =>
  problem(422, 'validation_failed', 'Validation failed', {
    errors: error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  });
const noContent = () => new HttpResponse(null, { status: 204 });

function viewer(request: Request) {
  return userForAccessToken(request.headers.get('Authorization'));
}

function livePost(id: string): StoredPost | undefined {
  const post = pdb.posts.get(id);
  return post && !post.deleted ? post : undefined;
}

/** limit and an offset cursor ("o:<n>"), as a keyset cursor would page them. */
function pageOf<T>(items: T[], url: URL, fallback = 20): { items: T[]; next_cursor: string | null } {
  const limit = Math.max(1, Math.min(100, Number(url.searchParams.get('limit') ?? fallback) || fallback));
  const offset = Number(url.searchParams.get('cursor')?.replace(/^o:/, '') ?? 0) || 0;
  const slice = items.slice(offset, offset + limit);
  return { items: slice, next_cursor: offset + limit < items.length ? `o:${offset + limit}` : null };
}

export const postsHandlers = [
  // ---- feed --------------------------------------------------------------------------------
  http.get(`${API}/feed`, ({ request }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    const url = new URL(request.url);
    pdb.calls.feeds.push(url.searchParams);
    const limit = Math.max(1, Math.min(50, Number(url.searchParams.get('limit') ?? 20) || 20));
    const cursor = url.searchParams.get('cursor');
    let snapshotId: string;
    let offset = 0;
    if (cursor) {
      const [id, at] = cursor.split(':');
      if (!id || !pdb.snapshots.has(id)) {
        return problem(410, 'feed_snapshot_expired', 'Gone', { detail: 'The feed snapshot expired; start from the top' });
      }
      snapshotId = id;
      offset = Number(at) || 0;
    } else {
      // The first page takes a snapshot: later pages read it, whatever is posted meanwhile.
      snapshotId = nextPostsId('snap');
      pdb.snapshots.set(snapshotId, rankedFeed());
    }
    const entries = pdb.snapshots.get(snapshotId)!;
    const items = entries
      .slice(offset, offset + limit)
      .map((entry) => {
        const post = livePost(entry.post_id);
        if (!post) return null;
        const repost = entry.by ? (pdb.reposts.find((r) => r.post_id === post.id && r.user_id === entry.by) ?? null) : null;
        return postView(post, me, repost);
      })
      .filter((p) => p !== null);
    const next = offset + limit < entries.length ? `${snapshotId}:${offset + limit}` : null;
    return HttpResponse.json(postsPageSchema.parse({ items, next_cursor: next }));
  }),

  // ---- posts -------------------------------------------------------------------------------
  http.post(`${API}/posts`, async ({ request }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    const body = await request.json();
    pdb.calls.creates.push(body);
    if (me.role !== 'master') return problem(403, 'forbidden', 'Forbidden', { detail: 'Only masters can post' });
    const parsed = createPostInputSchema.safeParse(body);
    if (!parsed.success) return validation(parsed.error);
    const { text, media_ids, category_id, service_id } = parsed.data;
    const taken = new Set([...pdb.posts.values()].flatMap((p) => p.media_ids));
    const bad = media_ids.find((id) => {
      const media = mediaDb.media.get(id);
      return !media || media.owner_id !== me.id || media.status !== 'ready' || media.purpose !== 'post' || taken.has(id);
    });
    if (bad) return problem(422, 'validation_failed', 'Validation failed', { errors: [{ field: 'media_ids', message: 'not a ready post photo of yours' }] });
    if (service_id) {
      const service = mdb.services.get(service_id);
      const mine = service && mdb.masters.get(service.master_id)?.user_id === me.id && service.active;
      if (!mine) return problem(422, 'validation_failed', 'Validation failed', { errors: [{ field: 'service_id', message: 'not an active service of yours' }] });
    }
    const post: StoredPost = {
      id: nextPostsId('70000000'),
      author_id: me.id,
      text,
      media_ids,
      category_id: category_id ?? null,
      service_id: service_id ?? null,
      created_at: new Date().toISOString(),
      edited_at: null,
      deleted: false,
    };
    pdb.posts.set(post.id, post);
    return HttpResponse.json(postSchema.parse(postView(post, me)), { status: 201 });
  }),

  http.get<{ id: string }>(`${API}/posts/:id`, ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    const post = livePost(params.id);
    if (!post) return notFound();
    return HttpResponse.json(postSchema.parse(postView(post, me)));
  }),

  http.patch<{ id: string }>(`${API}/posts/:id`, async ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    const post = livePost(params.id);
    if (!post) return notFound();
    if (post.author_id !== me.id) return forbidden();
    const parsed = updatePostInputSchema.safeParse(await request.json());
    if (!parsed.success) return validation(parsed.error);
    const { text, category_id, service_id } = parsed.data;
    if (text !== undefined) post.text = text;
    if (category_id !== undefined) post.category_id = category_id;
    if (service_id !== undefined) post.service_id = service_id;
    post.edited_at = new Date().toISOString();
    return HttpResponse.json(postSchema.parse(postView(post, me)));
  }),

  http.delete<{ id: string }>(`${API}/posts/:id`, ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    const post = livePost(params.id);
    if (!post) return notFound();
    if (post.author_id !== me.id) return forbidden();
    post.deleted = true;
    return noContent();
  }),

  http.get<{ id: string }>(`${API}/users/:id/posts`, ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    if (!db.users.has(params.id)) return notFound();
    const posts = [...pdb.posts.values()]
      .filter((p) => p.author_id === params.id && !p.deleted)
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .map((p) => postView(p, me));
    return HttpResponse.json(postsPageSchema.parse(pageOf(posts, new URL(request.url), 24)));
  }),

  // ---- likes -------------------------------------------------------------------------------
  ...(['put', 'delete'] as const).map((method) =>
    http[method]<{ id: string }>(`${API}/posts/:id/like`, ({ request, params }) => {
      const me = viewer(request);
      if (!me) return unauthorized();
      pdb.calls.likes.push({ id: params.id, method: method.toUpperCase() });
      if (pdb.failLikes) return problem(500, 'internal', 'Internal Server Error');
      if (!livePost(params.id)) return notFound();
      const likes = pdb.likes.get(params.id) ?? new Set<string>();
      if (method === 'put') likes.add(me.id);
      else likes.delete(me.id);
      pdb.likes.set(params.id, likes);
      return noContent();
    }),
  ),

  http.get<{ id: string }>(`${API}/posts/:id/likes`, ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    if (!livePost(params.id)) return notFound();
    const cards = [...(pdb.likes.get(params.id) ?? [])].map((id) => db.users.get(id)).filter((u) => u !== undefined).map(userCard);
    return HttpResponse.json(likesPageSchema.parse(pageOf(cards, new URL(request.url), 50)));
  }),

  // ---- comments ----------------------------------------------------------------------------
  http.get<{ id: string }>(`${API}/posts/:id/comments`, ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    if (!livePost(params.id)) return notFound();
    const top = liveComments(params.id).filter((c) => c.parent_id === null).map(commentView);
    return HttpResponse.json(commentsPageSchema.parse(pageOf(top, new URL(request.url))));
  }),

  http.post<{ id: string }>(`${API}/posts/:id/comments`, async ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    const post = livePost(params.id);
    if (!post) return notFound();
    const body = await request.json();
    pdb.calls.comments.push({ postId: params.id, body });
    const parsed = createCommentInputSchema.safeParse(body);
    if (!parsed.success) return validation(parsed.error);
    let parentId: string | null = null;
    if (parsed.data.parent_id) {
      const parent = pdb.comments.get(parsed.data.parent_id);
      if (!parent || parent.post_id !== post.id) return problem(422, 'validation_failed', 'Validation failed', { errors: [{ field: 'parent_id', message: 'no such comment' }] });
      // One level of replies: a reply to a reply goes under its top-level comment.
      parentId = parent.parent_id ?? parent.id;
    }
    const comment: StoredComment = {
      id: nextPostsId('71000000'),
      post_id: post.id,
      author_id: me.id,
      text: parsed.data.text,
      parent_id: parentId,
      created_at: new Date().toISOString(),
      edited_at: null,
    };
    pdb.comments.set(comment.id, comment);
    return HttpResponse.json(commentSchema.parse(commentView(comment)), { status: 201 });
  }),

  http.get<{ id: string }>(`${API}/comments/:id/replies`, ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    pdb.calls.replies.push(params.id);
    const comment = pdb.comments.get(params.id);
    if (!comment) return notFound();
    return HttpResponse.json(repliesPageSchema.parse(pageOf(repliesOf(comment.id).map(replyView), new URL(request.url))));
  }),

  http.patch<{ id: string }>(`${API}/comments/:id`, async ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    const comment = pdb.comments.get(params.id);
    if (!comment) return notFound();
    if (comment.author_id !== me.id) return forbidden();
    const parsed = updateCommentInputSchema.safeParse(await request.json());
    if (!parsed.success) return validation(parsed.error);
    comment.text = parsed.data.text;
    comment.edited_at = new Date().toISOString();
    return HttpResponse.json(replySchema.parse(replyView(comment)));
  }),

  http.delete<{ id: string }>(`${API}/comments/:id`, ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    const comment = pdb.comments.get(params.id);
    if (!comment) return notFound();
    const post = pdb.posts.get(comment.post_id);
    if (comment.author_id !== me.id && post?.author_id !== me.id) return forbidden();
    pdb.comments.delete(comment.id);
    for (const reply of repliesOf(comment.id)) pdb.comments.delete(reply.id);
    return noContent();
  }),

  // ---- reposts -----------------------------------------------------------------------------
  http.post<{ id: string }>(`${API}/posts/:id/repost`, async ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    const post = livePost(params.id);
    if (!post) return notFound();
    const body = await request.json();
    pdb.calls.reposts.push({ id: params.id, body });
    const parsed = repostInputSchema.safeParse(body);
    if (!parsed.success) return validation(parsed.error);
    if (pdb.reposts.some((r) => r.post_id === post.id && r.user_id === me.id)) return problem(409, 'already_reposted', 'Conflict');
    const repost = { user_id: me.id, post_id: post.id, comment: parsed.data.comment ?? null, created_at: new Date().toISOString() };
    pdb.reposts.push(repost);
    return HttpResponse.json(postSchema.parse(postView(post, me, repost)), { status: 201 });
  }),

  http.delete<{ id: string }>(`${API}/posts/:id/repost`, ({ request, params }) => {
    const me = viewer(request);
    if (!me) return unauthorized();
    pdb.reposts = pdb.reposts.filter((r) => !(r.post_id === params.id && r.user_id === me.id));
    return noContent();
  }),
];
