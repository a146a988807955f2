import type { AuthResponse } from '@/types/api';

// The session lives in one localStorage key so that a write from another tab is seen as
// one atomic change (access token, its expiry and the refresh token together).
export const SESSION_STORAGE_KEY = 'service.session';

export type Session = {
  accessToken: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  accessExpiresAt: number;
  refreshToken: string;
};

type Listener = () => void;
const listeners = new Set<Listener>();

// Cached so that useSyncExternalStore gets a stable snapshot between changes.
let cachedRaw: string | null | undefined;
let cachedSession: Session | null = null;

function parse(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Session).accessToken === 'string' &&
      typeof (value as Session).refreshToken === 'string' &&
      typeof (value as Session).accessExpiresAt === 'number'
    ) {
      const s = value as Session;
      return { accessToken: s.accessToken, refreshToken: s.refreshToken, accessExpiresAt: s.accessExpiresAt };
    }
  } catch {
    // A corrupt entry is treated as "logged out".
  }
  return null;
}

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
}

function notify() {
  for (const listener of listeners) listener();
}

/** Reads localStorage every time: another tab may have rotated the tokens. */
export function getSession(): Session | null {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedSession = parse(raw);
  }
  return cachedSession;
}

export type SessionEndReason = 'logout' | 'expired';
let lastEndReason: SessionEndReason | null = null;

/** Why this tab's session last ended; null if it is active or ended in another tab. */
export function getSessionEndReason(): SessionEndReason | null {
  return lastEndReason;
}

export function setSession(session: Session): void {
  lastEndReason = null;
  window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  notify();
}

export function clearSession(reason: SessionEndReason = 'logout'): void {
  lastEndReason = reason;
  try {
    window.localStorage.removeItem(SESSION_STORAGE_KEY);
  } finally {
    notify();
  }
}

export function sessionFromAuthResponse(res: AuthResponse, now = Date.now()): Session {
  return {
    accessToken: res.access_token,
    refreshToken: res.refresh_token,
    accessExpiresAt: now + res.expires_in * 1000,
  };
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab logged in, refreshed or logged out.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === SESSION_STORAGE_KEY || event.key === null) notify();
  });
}

export const SESSION_EXPIRED_EVENT = 'service:session-expired';

/** Ends the session because the server refused it (not a user's log-out). */
export function expireSession(): void {
  clearSession('expired');
  window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
}
