// Set-up shared by the notification route tests: a master who gets reviews and bookings, a
// client who writes them, and items as the server's grouped list shows them.
import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { Notification } from '@/features/notifications/types/notification';
import { sessionFromAuthResponse, setSession } from '@/lib/token-store';
import { FakeSocketServer } from '@/testing/fake-socket';
import { createUser, issueTokens, publicUser, type StoredUser } from '@/testing/mocks/db';
import { seedMaster, type StoredMaster, type StoredService } from '@/testing/mocks/marketplace-db';
import { actorOf, minutesAgo, seedNotification } from '@/testing/mocks/notifications-db';
import { renderApp } from '@/testing/test-utils';

export function person(name: string, avatar_url: string | null = null): StoredUser {
  return createUser({ email: `${name.toLowerCase()}@example.org`, password: 'correct horse battery', name, avatar_url });
}

export function signIn(user: StoredUser): void {
  setSession(sessionFromAuthResponse({ user: publicUser(user), ...issueTokens(user.id) }));
}

/** Мария, a master, signed in; her master page exists. */
export function signedInMaster(): { me: StoredUser; master: StoredMaster; service: StoredService } {
  const { user, master, services } = seedMaster({ user: { name: 'Мария', email: 'maria@example.com' } });
  signIn(user);
  return { me: user, master, service: services[0]! };
}

/** `count` clients reviewed `master`: one grouped item, Анна the newest, the newest three as actors. */
export function seedReviewGroup(me: StoredUser, master: StoredMaster, count: number, overrides: Partial<Notification> = {}) {
  const names = ['Анна', 'Борис', 'Вера', 'Глеб', 'Дина', 'Егор'].slice(0, count);
  const actors = names.slice(0, 3).map((name, i) => actorOf(person(name, i === 1 ? `https://cdn.example/${name}.webp` : null)));
  return seedNotification(me, {
    type: 'review_received',
    count,
    actors,
    target: { type: 'review', id: `review-${count}`, master_id: master.id, rating: 5, text: 'Спасибо!' },
    latest_at: minutesAgo(5),
    text: `${actors[0]!.name} и ещё ${count - 1} оставили отзывы`,
    ...overrides,
  });
}

/** A booking notification for `me` about `bookingId`. */
export function seedBookingItem(me: StoredUser, type: string, actor: StoredUser, bookingId: string, overrides: Partial<Notification> = {}) {
  return seedNotification(me, {
    type,
    actors: [actorOf(actor)],
    target: { type: 'booking', id: bookingId, service_name: 'Маникюр с покрытием', start_at: '2030-03-05T07:00:00Z', status: 'pending' },
    ...overrides,
  });
}

/** Renders `url` and waits until the socket is connected and the bell has its count. */
export async function openApp(url: string, sockets = new FakeSocketServer()) {
  const view = renderApp(url, { sockets });
  await screen.findByTestId('notification-bell');
  await waitFor(() => expect(view.realtime.getStatus()).toBe('connected'));
  return view;
}

export const bell = () => screen.getByTestId('notification-bell');
