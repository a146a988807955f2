// Set-up shared by the route tests of the social graph: me (Ольга, a client, signed in),
// Анна (a client) and Мария (a master with a master page), and the profile page.
import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { FakeSocketServer } from '@/testing/fake-socket';
import { createUser, type StoredUser } from '@/testing/mocks/db';
import { seedMaster } from '@/testing/mocks/marketplace-db';
import { renderApp, seedUser } from '@/testing/test-utils';

let people = 0;

/** Someone else, a client unless said otherwise. */
export function person(name: string, overrides: Partial<StoredUser> = {}): StoredUser {
  people += 1;
  return createUser({ email: `p${people}-${name.toLowerCase()}@example.org`, password: 'correct horse battery', name, ...overrides });
}

export function setupPeople() {
  const me = seedUser({ name: 'Ольга', email: 'olga@example.com', city: 'Москва' }, { loggedIn: true });
  const anna = person('Анна', { city: 'Казань' });
  const { user: maria, master } = seedMaster({ user: { name: 'Мария', email: 'maria@example.com', city: 'Москва' } });
  return { me, anna, maria, master };
}

/** Renders `url` and waits until the socket is connected. */
export async function openPage(url: string, sockets = new FakeSocketServer()) {
  const view = renderApp(url, { sockets });
  await waitFor(() => expect(view.realtime.getStatus()).toBe('connected'));
  return view;
}

/** Renders someone's profile and waits for its header. */
export async function openProfile(id: string, sockets = new FakeSocketServer()) {
  const view = await openPage(`/users/${id}`, sockets);
  await screen.findByTestId('profile-header', {}, { timeout: 3000 });
  return view;
}

/** The number of a count in the profile header (posts, followers, following, friends). */
export function countOf(kind: 'posts' | 'followers' | 'following' | 'friends'): string {
  return screen.getByTestId(`count-${kind}`).querySelector('.profile-counts__n')?.textContent ?? '';
}

/** A promise a mock handler can wait on, and the function that lets it go. */
export function gate(): { wait: Promise<void>; release: () => void } {
  let release = () => {};
  const wait = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { wait, release };
}
