import { cdb } from '@/testing/mocks/chats-db';
import { db, type StoredUser } from '@/testing/mocks/db';
import { masterOfUser } from '@/testing/mocks/marketplace-db';
import type { FriendRequest, FriendState, Profile, Relationship, UserCard } from '@/features/social/types/social';

// The social-graph half of the mock server: follows, friendships, friend requests and mutes
// (blocks live in chats-db, where the block endpoints already were). It follows the API
// contract (issue 11 §1), not the server's implementation; reset after every test.

type Follow = { from: string; to: string; seq: number };
type StoredRequest = { id: string; from: string; to: string; status: FriendRequest['status']; created_at: string; seq: number };

export const sdb = {
  follows: [] as Follow[],
  /** Sorted pairs `${a}|${b}` with a < b, and when they became friends. */
  friends: new Map<string, number>(),
  requests: new Map<string, StoredRequest>(),
  /** `${muter}:${muted}`. */
  mutes: new Set<string>(),
  /** user id → posts count (the posts feature's mock owns posts; the profile only counts them). */
  posts: new Map<string, number>(),
  seq: 0,
  counter: 0,
  calls: {
    follows: [] as { method: string; id: string }[],
    mutes: [] as { method: string; id: string }[],
    requests: [] as { method: string; path: string; body?: unknown }[],
    lists: [] as { kind: string; params: URLSearchParams }[],
  },
};

export function resetSocialDb(): void {
  sdb.follows = [];
  sdb.friends.clear();
  sdb.requests.clear();
  sdb.mutes.clear();
  sdb.posts.clear();
  sdb.seq = 0;
  sdb.counter = 0;
  sdb.calls = { follows: [], mutes: [], requests: [], lists: [] };
}

const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const next = () => (sdb.seq += 1);

export function isBlockedEitherWay(a: string, b: string): boolean {
  return cdb.blocks.has(`${a}:${b}`) || cdb.blocks.has(`${b}:${a}`);
}

export function isFollowing(from: string, to: string): boolean {
  return sdb.follows.some((f) => f.from === from && f.to === to);
}

export function follow(from: Pick<StoredUser, 'id'>, to: Pick<StoredUser, 'id'>): void {
  if (!isFollowing(from.id, to.id)) sdb.follows.push({ from: from.id, to: to.id, seq: next() });
}

export function unfollow(from: string, to: string): void {
  sdb.follows = sdb.follows.filter((f) => !(f.from === from && f.to === to));
}

export function areFriends(a: string, b: string): boolean {
  return sdb.friends.has(pair(a, b));
}

export function befriend(a: Pick<StoredUser, 'id'>, b: Pick<StoredUser, 'id'>): void {
  if (!areFriends(a.id, b.id)) sdb.friends.set(pair(a.id, b.id), next());
}

export function unfriend(a: string, b: string): void {
  sdb.friends.delete(pair(a, b));
}

/** What a block does to the graph: no follows and no friendship either way, no pending request. */
export function severTies(a: string, b: string): void {
  unfollow(a, b);
  unfollow(b, a);
  unfriend(a, b);
  for (const r of sdb.requests.values()) {
    if (r.status === 'pending' && ((r.from === a && r.to === b) || (r.from === b && r.to === a))) r.status = 'cancelled';
  }
}

export function pendingBetween(from: string, to: string): StoredRequest | undefined {
  return [...sdb.requests.values()].find((r) => r.status === 'pending' && r.from === from && r.to === to);
}

/** A pending request from `from` to `to`, `minutesAgo` minutes old. */
export function seedFriendRequest(from: Pick<StoredUser, 'id'>, to: Pick<StoredUser, 'id'>, minutesAgo = 10): StoredRequest {
  sdb.counter += 1;
  const request: StoredRequest = {
    id: `f0000000-0000-4000-8000-${String(sdb.counter).padStart(12, '0')}`,
    from: from.id,
    to: to.id,
    status: 'pending',
    created_at: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    seq: next(),
  };
  sdb.requests.set(request.id, request);
  return request;
}

export function cardOf(user: StoredUser): UserCard {
  return {
    id: user.id,
    name: user.name,
    avatar_url: user.avatar_url,
    role: user.role,
    master_id: masterOfUser(user.id)?.id ?? null,
  };
}

export function requestView(r: StoredRequest): FriendRequest {
  return { id: r.id, from: cardOf(db.users.get(r.from)!), to: cardOf(db.users.get(r.to)!), status: r.status, created_at: r.created_at };
}

export function friendState(viewer: string, other: string): FriendState {
  if (areFriends(viewer, other)) return 'friends';
  if (pendingBetween(viewer, other)) return 'outgoing';
  if (pendingBetween(other, viewer)) return 'incoming';
  return 'none';
}

export function relationshipOf(viewer: string, other: string): Relationship {
  return {
    following: isFollowing(viewer, other),
    followed_by: isFollowing(other, viewer),
    friend: friendState(viewer, other),
    muted: sdb.mutes.has(`${viewer}:${other}`),
  };
}

export function followersOf(id: string): Follow[] {
  return sdb.follows.filter((f) => f.to === id).sort((a, b) => b.seq - a.seq);
}

export function followingOf(id: string): Follow[] {
  return sdb.follows.filter((f) => f.from === id).sort((a, b) => b.seq - a.seq);
}

/** Friends of `id`, newest friendship first, as [friend id, seq]. */
export function friendsOf(id: string): [string, number][] {
  return [...sdb.friends.entries()]
    .filter(([key]) => key.split('|').includes(id))
    .map(([key, seq]): [string, number] => [key.split('|').find((x) => x !== id) ?? id, seq])
    .sort((a, b) => b[1] - a[1]);
}

export function profileView(user: StoredUser, viewer: string): Profile {
  return {
    id: user.id,
    name: user.name,
    avatar_url: user.avatar_url,
    avatar: user.avatar ?? null,
    role: user.role,
    city: user.city,
    master_id: masterOfUser(user.id)?.id ?? null,
    counts: {
      followers: followersOf(user.id).length,
      following: followingOf(user.id).length,
      friends: friendsOf(user.id).length,
      posts: sdb.posts.get(user.id) ?? 0,
    },
    relationship: relationshipOf(viewer, user.id),
  };
}
