import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiProblem, REFRESH_LOCK_NAME, REFRESH_MARGIN_MS, refreshSession } from '@/lib/api-client';
import { getSession, SESSION_EXPIRED_EVENT, SESSION_STORAGE_KEY, setSession } from '@/lib/token-store';
import { db, expireAllAccessTokens, issueTokens } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { seedUser } from '@/testing/test-utils';
import { userSchema } from '@/types/api';

const getMe = () => api.get('/users/me', { schema: userSchema });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('sends the bearer token and parses the response with the schema', async () => {
    seedUser({ name: 'Анна' }, { loggedIn: true });
    const me = await getMe();
    expect(me.name).toBe('Анна');
  });

  it('refreshes once for many concurrent 401s and retries each request', async () => {
    seedUser({}, { loggedIn: true });
    expireAllAccessTokens();

    const results = await Promise.all([getMe(), getMe(), getMe(), getMe()]);

    expect(results).toHaveLength(4);
    expect(db.calls.refresh).toBe(1);
  });

  it('refreshes proactively shortly before the access token expires', async () => {
    seedUser({}, { loggedIn: true });
    const session = getSession()!;
    setSession({ ...session, accessExpiresAt: Date.now() + REFRESH_MARGIN_MS - 1000 });
    let sawOldToken = false;
    server.events.on('request:start', ({ request }) => {
      if (request.headers.get('Authorization') === `Bearer ${session.accessToken}`) sawOldToken = true;
    });

    await getMe();

    expect(db.calls.refresh).toBe(1);
    expect(sawOldToken).toBe(false);
    expect(getSession()!.accessExpiresAt).toBeGreaterThan(Date.now() + 800_000);
    server.events.removeAllListeners();
  });

  it('serialises refreshes through the Web Lock and skips one another tab already did', async () => {
    const stored = seedUser({}, { loggedIn: true });
    const stale = getSession()!;
    const lockNames: string[] = [];
    // A fake LockManager: while "waiting" for the lock, another tab rotates the tokens.
    vi.stubGlobal('navigator', {
      ...navigator,
      locks: {
        request: async (name: string, callback: () => Promise<unknown>) => {
          lockNames.push(name);
          const rotated = issueTokens(stored.id);
          window.localStorage.setItem(
            SESSION_STORAGE_KEY,
            JSON.stringify({
              accessToken: rotated.access_token,
              refreshToken: rotated.refresh_token,
              accessExpiresAt: Date.now() + 900_000,
            }),
          );
          return callback();
        },
      },
    });

    const next = await refreshSession(stale.refreshToken);

    expect(lockNames).toEqual([REFRESH_LOCK_NAME]);
    expect(db.calls.refresh).toBe(0);
    expect(next?.refreshToken).not.toBe(stale.refreshToken);
    expect(next?.refreshToken).toBe(getSession()?.refreshToken);
  });

  it('never presents the same refresh token twice', async () => {
    seedUser({}, { loggedIn: true });
    const stale = getSession()!;
    const first = await refreshSession(stale.refreshToken);
    // A request that started with the old tokens fails late and asks again.
    const second = await refreshSession(stale.refreshToken);

    expect(db.calls.refresh).toBe(1);
    expect(second).toEqual(first);
  });

  it('ends the session when the refresh token is refused', async () => {
    seedUser({}, { loggedIn: true });
    expireAllAccessTokens();
    for (const record of db.refresh.values()) record.revoked = true;
    const expired = vi.fn();
    window.addEventListener(SESSION_EXPIRED_EVENT, expired);

    await expect(getMe()).rejects.toMatchObject({ status: 401 });

    expect(getSession()).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
    window.removeEventListener(SESSION_EXPIRED_EVENT, expired);
  });

  it('keeps the session when the refresh endpoint is temporarily down', async () => {
    seedUser({}, { loggedIn: true });
    expireAllAccessTokens();
    server.use(http.post(`${API}/auth/refresh`, () => problem(503, 'service_unavailable', 'Service Unavailable')));

    await expect(getMe()).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(getSession()).not.toBeNull();
  });

  it('rejects without calling the server when there is no session', async () => {
    await expect(getMe()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('parses problem+json into an ApiProblem', async () => {
    server.use(
      http.get(`${API}/categories`, () =>
        problem(
          422,
          'validation_failed',
          'Validation failed',
          { detail: 'bad', instance: 'req-1', errors: [{ field: 'limit', message: 'too big' }] },
          { 'Retry-After': '3' },
        ),
      ),
    );
    const error = await api.get('/categories', { auth: false }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      title: 'Validation failed',
      detail: 'bad',
      instance: 'req-1',
      errors: [{ field: 'limit', message: 'too big' }],
      retryAfter: 3,
    });
  });

  it('copes with a non-JSON error body', async () => {
    server.use(http.get(`${API}/categories`, () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })));
    await expect(api.get('/categories', { auth: false })).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('rejects a response that does not match the schema', async () => {
    seedUser({}, { loggedIn: true });
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json({ id: 1 })));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(getMe()).rejects.toMatchObject({ code: 'invalid_response' });
  });
});
