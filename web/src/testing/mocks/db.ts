import type { Category } from '@/types/api';
import type { User } from '@/types/api';

// An in-memory stand-in for the server's state, reset after every test. It follows the
// API contract (rotation, reuse detection), not the server's implementation.

export type StoredUser = User & { password: string };

type RefreshRecord = { userId: string; family: number; used: boolean; revoked: boolean };
type AccessRecord = { userId: string; expiresAt: number };

export const categories: Category[] = [
  { id: '10000000-0000-4000-8000-000000000001', parent_id: null, slug: 'nails', name_ru: 'Ногти', name_en: 'Nails' },
  { id: '10000000-0000-4000-8000-000000000002', parent_id: '10000000-0000-4000-8000-000000000001', slug: 'manicure', name_ru: 'Маникюр', name_en: 'Manicure' },
  { id: '10000000-0000-4000-8000-000000000003', parent_id: '10000000-0000-4000-8000-000000000001', slug: 'pedicure', name_ru: 'Педикюр', name_en: 'Pedicure' },
  { id: '10000000-0000-4000-8000-000000000004', parent_id: null, slug: 'hair', name_ru: 'Волосы', name_en: 'Hair' },
  { id: '10000000-0000-4000-8000-000000000005', parent_id: '10000000-0000-4000-8000-000000000004', slug: 'haircut', name_ru: 'Стрижка', name_en: 'Haircut' },
  { id: '10000000-0000-4000-8000-000000000006', parent_id: null, slug: 'massage', name_ru: 'Массаж', name_en: 'Massage' },
];

export const db = {
  users: new Map<string, StoredUser>(),
  access: new Map<string, AccessRecord>(),
  refresh: new Map<string, RefreshRecord>(),
  /** expires_in handed out with new tokens, seconds. */
  accessTtlSeconds: 900,
  counter: 0,
  calls: { refresh: 0, logout: [] as string[], patches: [] as unknown[] },
};

export function resetDb(): void {
  db.users.clear();
  db.access.clear();
  db.refresh.clear();
  db.accessTtlSeconds = 900;
  db.counter = 0;
  db.calls = { refresh: 0, logout: [], patches: [] };
}

function nextId(): string {
  db.counter += 1;
  return `00000000-0000-4000-8000-${String(db.counter).padStart(12, '0')}`;
}

export function publicUser(user: StoredUser): User {
  const { password: _password, ...rest } = user;
  return rest;
}

export function createUser(input: Partial<StoredUser> & { email: string; password: string; name: string }): StoredUser {
  const user: StoredUser = {
    id: nextId(),
    role: 'client',
    avatar_url: null,
    city: null,
    location: null,
    interests: [],
    created_at: '2025-01-15T10:00:00Z',
    ...input,
  };
  db.users.set(user.id, user);
  return user;
}

export function findUserByEmail(email: string): StoredUser | undefined {
  const wanted = email.toLowerCase();
  return [...db.users.values()].find((u) => u.email.toLowerCase() === wanted);
}

export function issueTokens(userId: string, family?: number) {
  db.counter += 1;
  const access = `access-${db.counter}`;
  const refresh = `refresh-${db.counter}`;
  db.access.set(access, { userId, expiresAt: Date.now() + db.accessTtlSeconds * 1000 });
  db.refresh.set(refresh, { userId, family: family ?? db.counter, used: false, revoked: false });
  return { access_token: access, refresh_token: refresh, expires_in: db.accessTtlSeconds };
}

export function revokeFamily(family: number): void {
  for (const record of db.refresh.values()) if (record.family === family) record.revoked = true;
}

export function userForAccessToken(header: string | null): StoredUser | undefined {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  const record = token ? db.access.get(token) : undefined;
  if (!record || record.expiresAt <= Date.now()) return undefined;
  return db.users.get(record.userId);
}

/** Makes every access token handed out so far unusable (as if they had expired). */
export function expireAllAccessTokens(): void {
  for (const record of db.access.values()) record.expiresAt = 0;
}
