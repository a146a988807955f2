// Set-up shared by the feed and post route tests: a client and a master who posts, signed
// in the way the other route tests do it.
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { sessionFromAuthResponse, setSession } from '@/lib/token-store';
import { FakeSocketServer } from '@/testing/fake-socket';
import { createUser, issueTokens, publicUser, type StoredUser } from '@/testing/mocks/db';
import { seedMaster } from '@/testing/mocks/marketplace-db';
import { renderApp } from '@/testing/test-utils';

export function signIn(user: StoredUser): void {
  setSession(sessionFromAuthResponse({ user: publicUser(user), ...issueTokens(user.id) }));
}

export function client(name = 'Анна'): StoredUser {
  return createUser({ email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.org`, password: 'correct horse battery', name });
}

/** Мария, a master with one service (Маникюр с покрытием, 1 500 ₽, 90 min). */
export function master(name = 'Мария') {
  const seeded = seedMaster({ user: { name, email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.com` } });
  return { user: seeded.user, master: seeded.master, service: seeded.services[0]! };
}

/** Renders `url` and waits until the socket is connected. */
export async function openApp(url: string, sockets = new FakeSocketServer()) {
  const view = renderApp(url, { sockets });
  await waitFor(() => expect(view.realtime.getStatus()).toBe('connected'));
  return view;
}

export const cards = () => screen.queryAllByTestId('post-card');
export const cardTexts = () => cards().map((c) => within(c).queryByTestId('post-text')?.textContent ?? '');
export const cardOf = (postId: string) => {
  const card = cards().find((c) => c.getAttribute('data-post-id') === postId);
  if (!card) throw new Error(`no card for post ${postId}`);
  return card;
};
