import type { StoredUser } from '@/testing/mocks/db';
import type { Actor, Notification, Preferences } from '@/features/notifications/types/notification';

// The notifications half of the mock server: each user's items as the grouped list shows
// them, and their preferences. It follows the API contract, not the server's implementation
// (grouping happens on the server; tests seed the grouped item); reset after every test.

export const ndb = {
  /** user id → items. */
  items: new Map<string, Notification[]>(),
  preferences: new Map<string, Preferences>(),
  counter: 0,
  /** Items seeded so far without a time: each one is a minute newer than the last. */
  clock: 0,
  calls: {
    lists: [] as URLSearchParams[],
    reads: [] as unknown[],
    puts: [] as unknown[],
  },
};

export function resetNotificationsDb(): void {
  ndb.items.clear();
  ndb.preferences.clear();
  ndb.counter = 0;
  ndb.clock = 0;
  ndb.calls = { lists: [], reads: [], puts: [] };
}

/** Every type the server knows, in its order, with its defaults. */
export function defaultPreferences(): Preferences {
  const types: Preferences['types'] = {};
  for (const type of [
    'booking_created',
    'booking_confirmed',
    'booking_cancelled',
    'booking_rescheduled',
    'booking_reminder',
    'review_request',
    'review_received',
    'review_replied',
  ]) {
    types[type] = { in_app: true, push: true };
  }
  types.message_new = { in_app: false, push: true };
  // The social network's types (issue 11).
  for (const type of ['new_follower', 'friend_request', 'friend_accepted', 'post_liked', 'post_reposted', 'post_commented', 'comment_replied']) {
    types[type] = { in_app: true, push: true };
  }
  return { types, quiet_hours: null, timezone: 'Europe/Moscow', grouping: true };
}

export function preferencesOf(userId: string): Preferences {
  let prefs = ndb.preferences.get(userId);
  if (!prefs) ndb.preferences.set(userId, (prefs = defaultPreferences()));
  return prefs;
}

export function actorOf(user: Pick<StoredUser, 'id' | 'name' | 'avatar_url'>): Actor {
  return { id: user.id, name: user.name, avatar_url: user.avatar_url };
}

function nextId(): string {
  ndb.counter += 1;
  return `n0000000-0000-4000-8000-${String(ndb.counter).padStart(12, '0')}`;
}

/** An instant `minutesAgo` minutes before now. */
export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

type SeedInput = Partial<Notification> & Pick<Notification, 'type' | 'target'>;

/**
 * Stores an item for `user` as the grouped list would show it. Without times, items are
 * seeded oldest first, a minute apart, from 1000 minutes ago on.
 */
export function seedNotification(user: Pick<StoredUser, 'id'>, input: SeedInput): Notification {
  const at = input.latest_at ?? new Date(Date.now() - (1000 - ndb.clock++) * 60_000).toISOString();
  const item: Notification = {
    id: nextId(),
    count: 1,
    actors: [],
    created_at: at,
    latest_at: at,
    read: false,
    text: `${input.type} (server text)`,
    ...input,
  };
  const list = ndb.items.get(user.id) ?? [];
  ndb.items.set(user.id, [...list.filter((n) => n.id !== item.id), item]);
  return item;
}

/** Replaces a stored item (a group that grew): what `notification:new` then carries. */
export function updateNotification(userId: string, id: string, patch: Partial<Notification>): Notification {
  const list = ndb.items.get(userId) ?? [];
  const current = list.find((n) => n.id === id);
  if (!current) throw new Error(`no notification ${id}`);
  const next = { ...current, ...patch };
  ndb.items.set(userId, list.map((n) => (n.id === id ? next : n)));
  return next;
}

/** Newest first by latest_at, then id, as the server orders them. */
export function listOf(userId: string): Notification[] {
  return [...(ndb.items.get(userId) ?? [])].sort((a, b) =>
    a.latest_at === b.latest_at ? (a.id < b.id ? 1 : -1) : a.latest_at < b.latest_at ? 1 : -1,
  );
}

export function unreadOf(userId: string): number {
  return (ndb.items.get(userId) ?? []).filter((n) => !n.read).length;
}
