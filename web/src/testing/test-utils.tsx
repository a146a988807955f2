import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '@/app/app';
import { createQueryClient } from '@/lib/react-query';
import { Realtime } from '@/lib/socket';
import { sessionFromAuthResponse, setSession } from '@/lib/token-store';
import { FakeSocketServer } from '@/testing/fake-socket';
import { createUser, issueTokens, publicUser, type StoredUser } from '@/testing/mocks/db';

export const TEST_PASSWORD = 'correct horse battery';

/**
 * Renders the whole app (real router, providers, API client) at `url`. The realtime
 * connection runs on a fake socket; `sockets` plays its server.
 */
export function renderApp(url = '/', { sockets = new FakeSocketServer() }: { sockets?: FakeSocketServer } = {}) {
  window.history.replaceState(null, '', url);
  const queryClient = createQueryClient();
  // No retries in tests: a failure should show at once.
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const realtime = new Realtime(sockets.factory);
  const user = userEvent.setup();
  const view = render(<App queryClient={queryClient} realtime={realtime} />);
  return { ...view, user, queryClient, realtime, sockets };
}

/** A user in the mock server, optionally already logged in in this "browser". */
export function seedUser(overrides: Partial<StoredUser> = {}, { loggedIn = false } = {}): StoredUser {
  const stored = createUser({ email: 'anna@example.com', password: TEST_PASSWORD, name: 'Анна', ...overrides });
  if (loggedIn) {
    const tokens = issueTokens(stored.id);
    setSession(sessionFromAuthResponse({ user: publicUser(stored), ...tokens }));
  }
  return stored;
}

export async function waitForPath(pathname: string) {
  await waitFor(() => {
    if (window.location.pathname !== pathname) {
      throw new Error(`expected path ${pathname}, got ${window.location.pathname}`);
    }
  });
}

/**
 * Fixes "now" for code that reads the clock (slots, upcoming/past) without faking timers,
 * which MSW and user-event need. Undone by vi.useRealTimers() in the test's afterEach.
 */
export function freezeDate(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

/** Intl groups digits with (narrow) no-break spaces; tests compare with plain ones. */
export function plainSpaces(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}
