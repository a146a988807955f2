import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type {
  ConnectionKind,
  FriendState,
  FriendRequestsPage,
  Profile,
  RequestDirection,
  UserCard,
  UserCardsPage,
} from '@/features/social/types/social';

// The social feature's query keys and the cache functions other features may call (e.g.
// after a block elsewhere, everything about that person is stale).

export type UserCardsData = InfiniteData<UserCardsPage, string | null>;
export type FriendRequestsData = InfiniteData<FriendRequestsPage, string | null>;

export const socialKeys = {
  all: ['social'] as const,
  profiles: () => ['social', 'profile'] as const,
  profile: (id: string) => ['social', 'profile', id] as const,
  lists: () => ['social', 'list'] as const,
  list: (kind: ConnectionKind, userId: string) => ['social', 'list', kind, userId] as const,
  requests: () => ['social', 'requests'] as const,
  requestList: (direction: RequestDirection) => ['social', 'requests', 'list', direction] as const,
  incomingCount: () => ['social', 'requests', 'incoming-count'] as const,
  blocks: () => ['social', 'blocks'] as const,
};

/** Changes a cached profile (nothing when it was never loaded). */
export function patchProfile(queryClient: QueryClient, id: string, patch: (profile: Profile) => Profile): void {
  queryClient.setQueryData<Profile>(socialKeys.profile(id), (p) => (p ? patch(p) : p));
}

/** Sets the "I follow them" flag of a person wherever a loaded list shows their card. */
export function patchCardInLists(queryClient: QueryClient, id: string, patch: Partial<UserCard>): void {
  queryClient.setQueriesData<UserCardsData>({ queryKey: socialKeys.lists() }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === id ? { ...c, ...patch } : c)) })),
        }
      : data,
  );
}

/** The lists will load again when next shown (who follows whom changed). */
export function invalidateSocialLists(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: socialKeys.lists() });
}

/** Friend requests changed (a new one arrived, one was answered elsewhere). */
export function invalidateFriendRequests(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: socialKeys.requests() }, { cancelRefetch: false });
}

/** After a block, from whichever feature: the profile is gone and the lists are stale. */
export function forgetUser(queryClient: QueryClient, id: string): void {
  queryClient.removeQueries({ queryKey: socialKeys.profile(id) });
  invalidateSocialLists(queryClient);
  invalidateFriendRequests(queryClient);
  void queryClient.invalidateQueries({ queryKey: socialKeys.blocks() });
}

/**
 * Our friendship changed: their profile shows `state`; both friend counts move by `delta`
 * (+1 accepted, -1 removed, 0 otherwise); both friends lists reload when next shown.
 */
export function setFriendState(
  queryClient: QueryClient,
  otherId: string,
  state: FriendState,
  delta: -1 | 0 | 1,
  meId: string | undefined,
): void {
  const move = (p: Profile): Profile => ({ ...p, counts: { ...p.counts, friends: Math.max(0, p.counts.friends + delta) } });
  patchProfile(queryClient, otherId, (p) => move({ ...p, relationship: { ...p.relationship, friend: state } }));
  if (meId && delta !== 0) patchProfile(queryClient, meId, move);
  if (delta !== 0) {
    for (const id of [otherId, meId]) {
      if (id) void queryClient.invalidateQueries({ queryKey: socialKeys.list('friends', id), refetchType: 'none' });
    }
  }
}

export type RequestsSnapshot = [readonly unknown[], FriendRequestsData | undefined][];

/** Takes a request out of every loaded inbox list at once; returns what to put back. */
export async function takeOutRequest(queryClient: QueryClient, requestId: string): Promise<RequestsSnapshot> {
  const filter = { queryKey: [...socialKeys.requests(), 'list'] };
  await queryClient.cancelQueries(filter);
  const snapshot = queryClient.getQueriesData<FriendRequestsData>(filter);
  queryClient.setQueriesData<FriendRequestsData>(filter, (data) =>
    data
      ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((r) => r.id !== requestId) })) }
      : data,
  );
  return snapshot;
}

export function restoreRequests(queryClient: QueryClient, snapshot: RequestsSnapshot | undefined): void {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}

/** Someone's public profile changed (e.g. I edited my name or photo): it reloads when shown. */
export function invalidateProfile(queryClient: QueryClient, id: string): void {
  void queryClient.invalidateQueries({ queryKey: socialKeys.profile(id) });
}
