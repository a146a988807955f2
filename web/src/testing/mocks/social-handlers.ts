import { http, HttpResponse } from 'msw';
import type { ZodType } from 'zod';
import { sendFriendRequestInputSchema } from '@/features/social/api/send-friend-request';
import {
  blockListSchema,
  friendRequestSchema,
  friendRequestsPageSchema,
  profileSchema,
  userCardsPageSchema,
  type UserCard,
} from '@/features/social/types/social';
import { cdb } from '@/testing/mocks/chats-db';
import { db, userForAccessToken, type StoredUser } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import {
  areFriends,
  befriend,
  cardOf,
  follow,
  followersOf,
  followingOf,
  friendsOf,
  isBlockedEitherWay,
  pendingBetween,
  profileView,
  requestView,
  sdb,
  seedFriendRequest,
  unfollow,
  unfriend,
} from '@/testing/mocks/social-db';

// Every response body is parsed with the app's own schema, so mock and client cannot drift.

function json<T>(schema: ZodType<T>, body: T, status = 200) {
  return HttpResponse.json(schema.parse(body) as never, { status });
}

const unauthorized = () => problem(401, 'token_expired', 'Unauthorized');
const notFound = () => problem(404, 'not_found', 'Not Found');
const noContent = () => new HttpResponse(null, { status: 204 });

/** The viewer and the other user, or the error: unknown or blocked either way is a 404. */
function pairFor(request: Request, id: string): { me: StoredUser; other: StoredUser } | Response {
  const me = userForAccessToken(request.headers.get('Authorization'));
  if (!me) return unauthorized();
  const other = db.users.get(id);
  if (!other || isBlockedEitherWay(me.id, other.id)) return notFound();
  return { me, other };
}

/** Keyset pages over a list ordered by descending seq: the cursor is the last seq shown. */
function page<T>(request: Request, rows: { seq: number; item: T }[]): { items: T[]; next_cursor: string | null } {
  const params = new URL(request.url).searchParams;
  const limit = Math.min(Number(params.get('limit') ?? 20) || 20, 100);
  const after = params.get('cursor');
  const rest = after ? rows.filter((r) => r.seq < Number(after)) : rows;
  const shown = rest.slice(0, limit);
  const last = shown[shown.length - 1];
  return { items: shown.map((r) => r.item), next_cursor: rest.length > limit && last ? String(last.seq) : null };
}

function cardsOf(viewer: string, rows: { seq: number; id: string }[]): { seq: number; item: UserCard }[] {
  return rows
    .filter((r) => !isBlockedEitherWay(viewer, r.id))
    .map((r) => ({ seq: r.seq, item: cardOf(db.users.get(r.id)!) }));
}

export const socialHandlers = [
  http.get<{ id: string }>(`${API}/users/:id`, ({ request, params }) => {
    const found = pairFor(request, params.id);
    if (found instanceof Response) return found;
    return json(profileSchema, profileView(found.other, found.me.id));
  }),

  http.put<{ id: string }>(`${API}/users/:id/follow`, ({ request, params }) => {
    const found = pairFor(request, params.id);
    if (found instanceof Response) return found;
    sdb.calls.follows.push({ method: 'PUT', id: params.id });
    if (found.me.id === found.other.id) return problem(422, 'validation_failed', 'You cannot follow yourself');
    follow(found.me, found.other);
    return noContent();
  }),

  http.delete<{ id: string }>(`${API}/users/:id/follow`, ({ request, params }) => {
    const found = pairFor(request, params.id);
    if (found instanceof Response) return found;
    sdb.calls.follows.push({ method: 'DELETE', id: params.id });
    unfollow(found.me.id, found.other.id);
    return noContent();
  }),

  http.put<{ id: string }>(`${API}/users/:id/mute`, ({ request, params }) => {
    const found = pairFor(request, params.id);
    if (found instanceof Response) return found;
    sdb.calls.mutes.push({ method: 'PUT', id: params.id });
    sdb.mutes.add(`${found.me.id}:${found.other.id}`);
    return noContent();
  }),

  http.delete<{ id: string }>(`${API}/users/:id/mute`, ({ request, params }) => {
    const found = pairFor(request, params.id);
    if (found instanceof Response) return found;
    sdb.calls.mutes.push({ method: 'DELETE', id: params.id });
    sdb.mutes.delete(`${found.me.id}:${found.other.id}`);
    return noContent();
  }),

  http.get<{ id: string }>(`${API}/users/:id/followers`, ({ request, params }) => {
    const found = pairFor(request, params.id);
    if (found instanceof Response) return found;
    sdb.calls.lists.push({ kind: 'followers', params: new URL(request.url).searchParams });
    const rows = followersOf(params.id).map((f) => ({ seq: f.seq, id: f.from }));
    return json(userCardsPageSchema, page(request, cardsOf(found.me.id, rows)));
  }),

  http.get<{ id: string }>(`${API}/users/:id/following`, ({ request, params }) => {
    const found = pairFor(request, params.id);
    if (found instanceof Response) return found;
    sdb.calls.lists.push({ kind: 'following', params: new URL(request.url).searchParams });
    const rows = followingOf(params.id).map((f) => ({ seq: f.seq, id: f.to }));
    return json(userCardsPageSchema, page(request, cardsOf(found.me.id, rows)));
  }),

  http.get<{ id: string }>(`${API}/users/:id/friends`, ({ request, params }) => {
    const found = pairFor(request, params.id);
    if (found instanceof Response) return found;
    sdb.calls.lists.push({ kind: 'friends', params: new URL(request.url).searchParams });
    const rows = friendsOf(params.id).map(([id, seq]) => ({ seq, id }));
    return json(userCardsPageSchema, page(request, cardsOf(found.me.id, rows)));
  }),

  http.get(`${API}/users/me/blocks`, ({ request }) => {
    const me = userForAccessToken(request.headers.get('Authorization'));
    if (!me) return unauthorized();
    const mine = [...cdb.blocks].filter((key) => key.startsWith(`${me.id}:`)).reverse();
    return json(blockListSchema, {
      items: mine.map((key) => {
        const user = db.users.get(key.split(':')[1]!)!;
        return { user_id: user.id, display_name: user.name, created_at: '2025-03-01T10:00:00Z' };
      }),
    });
  }),

  http.post(`${API}/friends/requests`, async ({ request }) => {
    const me = userForAccessToken(request.headers.get('Authorization'));
    if (!me) return unauthorized();
    const body = await request.json();
    sdb.calls.requests.push({ method: 'POST', path: '/friends/requests', body });
    const parsed = sendFriendRequestInputSchema.safeParse(body);
    if (!parsed.success) return problem(422, 'validation_failed', 'Validation failed');
    const other = db.users.get(parsed.data.user_id);
    if (!other || isBlockedEitherWay(me.id, other.id)) return notFound();
    if (other.id === me.id) return problem(422, 'validation_failed', 'You cannot befriend yourself');
    if (areFriends(me.id, other.id)) return problem(409, 'already_friends', 'Conflict');
    const mine = pendingBetween(me.id, other.id);
    if (mine) return json(friendRequestSchema, requestView(mine));
    const theirs = pendingBetween(other.id, me.id);
    if (theirs) {
      theirs.status = 'accepted';
      befriend(me, other);
      return json(friendRequestSchema, requestView(theirs));
    }
    return json(friendRequestSchema, requestView(seedFriendRequest(me, other, 0)), 201);
  }),

  http.get(`${API}/friends/requests`, ({ request }) => {
    const me = userForAccessToken(request.headers.get('Authorization'));
    if (!me) return unauthorized();
    const direction = new URL(request.url).searchParams.get('direction');
    if (direction !== 'incoming' && direction !== 'outgoing') return problem(422, 'validation_failed', 'Validation failed');
    const rows = [...sdb.requests.values()]
      .filter((r) => r.status === 'pending' && (direction === 'incoming' ? r.to : r.from) === me.id)
      .filter((r) => !isBlockedEitherWay(r.from, r.to))
      .sort((a, b) => b.seq - a.seq)
      .map((r) => ({ seq: r.seq, item: requestView(r) }));
    return json(friendRequestsPageSchema, page(request, rows));
  }),

  http.post<{ id: string; action: string }>(`${API}/friends/requests/:id/:action`, ({ request, params }) => {
    const me = userForAccessToken(request.headers.get('Authorization'));
    if (!me) return unauthorized();
    sdb.calls.requests.push({ method: 'POST', path: `/friends/requests/${params.id}/${params.action}` });
    const stored = sdb.requests.get(params.id);
    if (!stored || stored.to !== me.id) return notFound();
    if (params.action !== 'accept' && params.action !== 'decline') return notFound();
    if (stored.status !== 'pending') return problem(409, 'request_not_pending', 'Conflict');
    stored.status = params.action === 'accept' ? 'accepted' : 'declined';
    if (stored.status === 'accepted') befriend({ id: stored.from }, { id: stored.to });
    return json(friendRequestSchema, requestView(stored));
  }),

  http.delete<{ id: string }>(`${API}/friends/requests/:id`, ({ request, params }) => {
    const me = userForAccessToken(request.headers.get('Authorization'));
    if (!me) return unauthorized();
    sdb.calls.requests.push({ method: 'DELETE', path: `/friends/requests/${params.id}` });
    const stored = sdb.requests.get(params.id);
    if (!stored || stored.from !== me.id) return notFound();
    if (stored.status !== 'pending') return problem(409, 'request_not_pending', 'Conflict');
    stored.status = 'cancelled';
    return noContent();
  }),

  http.delete<{ id: string }>(`${API}/friends/:id`, ({ request, params }) => {
    const found = pairFor(request, params.id);
    if (found instanceof Response) return found;
    sdb.calls.requests.push({ method: 'DELETE', path: `/friends/${params.id}` });
    unfriend(found.me.id, found.other.id);
    return noContent();
  }),
];
