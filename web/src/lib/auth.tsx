import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api } from '@/lib/api-client';
import {
  getSession,
  getSessionEndReason,
  sessionFromAuthResponse,
  setSession,
  subscribeSession,
  type Session,
} from '@/lib/token-store';
import { userSchema, type AuthResponse, type User } from '@/types/api';

export const meQueryKey = ['users', 'me'] as const;

export function getMe(signal?: AbortSignal): Promise<User> {
  return api.get('/users/me', { schema: userSchema, signal });
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
  });
}

/** The stored session; re-renders on log-in, refresh and log-out (also from other tabs). */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

export function useUser() {
  const session = useSession();
  return useQuery({ ...meQueryOptions(), enabled: session !== null });
}

/** Stores the tokens of a login/register/refresh and primes the current-user cache. */
export function startSession(queryClient: QueryClient, res: AuthResponse): void {
  queryClient.setQueryData(meQueryKey, res.user);
  setSession(sessionFromAuthResponse(res));
}

/** Only a same-origin path may be a post-login destination (no open redirects). */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  return target;
}

export function ProtectedRoute({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    // After "log out" start afresh; otherwise come back here after logging in again.
    if (getSessionEndReason() === 'logout') return <Navigate to="/login" replace />;
    const redirect = `${location.pathname}${location.search}`;
    // The home page is where a login lands anyway.
    if (redirect === '/') return <Navigate to="/login" replace />;
    return <Navigate to={`/login?redirect=${encodeURIComponent(redirect)}`} replace />;
  }
  return <>{children}</>;
}

export function GuestRoute({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session) {
    const redirect = new URLSearchParams(location.search).get('redirect');
    return <Navigate to={safeRedirect(redirect)} replace />;
  }
  return <>{children}</>;
}
