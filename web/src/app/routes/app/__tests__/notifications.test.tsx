import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installIntersectionObserver } from '@/testing/intersection-observer';
import type { StoredUser } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { seedBooking } from '@/testing/mocks/marketplace-db';
import { actorOf, minutesAgo, ndb, seedNotification, updateNotification } from '@/testing/mocks/notifications-db';
import { server } from '@/testing/mocks/server';
import { bell, openApp, person, seedBookingItem, seedReviewGroup, signedInMaster, signIn } from '@/testing/notifications';
import { waitForPath } from '@/testing/test-utils';

const titles = () => screen.queryAllByTestId('notification-title').map((t) => t.textContent);
const unreadItems = () => screen.queryAllByTestId('notification').filter((n) => within(n).queryByText('Не прочитано'));

afterEach(() => {
  vi.useRealTimers();
});

// A booking a week from today (the tests never name a calendar date).
const SOON = new Date(Date.now() + 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('the bell', () => {
  it('shows the unread count and follows notification:unread', async () => {
    const { me, master } = signedInMaster();
    seedReviewGroup(me, master, 2);
    seedBookingItem(me, 'booking_created', person('Олег'), 'b-1');
    seedBookingItem(me, 'booking_cancelled', person('Олег'), 'b-2', { read: true });
    const { sockets } = await openApp('/profile');

    await waitFor(() => expect(bell()).toHaveAccessibleName('Уведомления: 2 непрочитанных'));
    expect(within(bell()).getByTestId('notification-badge')).toHaveTextContent('2');
    expect(bell()).toHaveAttribute('href', '/notifications');

    act(() => sockets.push('notification:unread', { count: 7 }));
    await waitFor(() => expect(within(bell()).getByTestId('notification-badge')).toHaveTextContent('7'));
    expect(bell()).toHaveAccessibleName('Уведомления: 7 непрочитанных');

    act(() => sockets.push('notification:unread', { count: 120 }));
    await waitFor(() => expect(within(bell()).getByTestId('notification-badge')).toHaveTextContent('99+'));
    expect(bell()).toHaveAccessibleName('Уведомления: 120 непрочитанных');

    act(() => sockets.push('notification:unread', { count: 0 }));
    await waitFor(() => expect(within(bell()).queryByTestId('notification-badge')).not.toBeInTheDocument());
    expect(bell()).toHaveAccessibleName('Уведомления');
  });
});

describe('notifications page', () => {
  it('shows a group as "Анна и ещё 4", opens the master’s reviews and marks it read', async () => {
    const { me, master } = signedInMaster();
    const older = seedBookingItem(me, 'booking_created', person('Олег'), 'b-1', { latest_at: minutesAgo(60 * 3) });
    const group = seedReviewGroup(me, master, 5);
    const { user } = await openApp('/notifications');

    const list = await screen.findByTestId('notification-list');
    const items = within(list).getAllByTestId('notification');
    expect(titles()).toEqual(['Анна и ещё 4 оставили отзывы', 'Новая запись: Олег']);
    // Three faces at most; a photo where there is one, initials where there is none.
    expect(within(items[0]!).getAllByTestId('avatar-initials').map((a) => a.textContent)).toEqual(['А', 'В']);
    expect(within(items[0]!).getAllByTestId('avatar-image')).toHaveLength(1);
    expect(within(items[0]!).getByText('5 минут назад')).toBeInTheDocument();
    expect(within(items[1]!).getByText('3 часа назад')).toBeInTheDocument();
    expect(within(items[1]!).getByTestId('notification-detail')).toHaveTextContent('Маникюр с покрытием');
    expect(unreadItems()).toHaveLength(2);
    expect(items[1]).toHaveAttribute('href', `/bookings/${older.target.id}`);
    await waitFor(() => expect(bell()).toHaveAccessibleName('Уведомления: 2 непрочитанных'));

    await user.click(items[0]!);

    await waitForPath(`/masters/${master.id}`);
    expect(window.location.hash).toBe('#reviews');
    expect(await screen.findByRole('heading', { name: 'Отзывы' })).toBeInTheDocument();
    await waitFor(() => expect(ndb.calls.reads).toEqual([{ ids: [group.id] }]));
    await waitFor(() => expect(bell()).toHaveAccessibleName('Уведомления: 1 непрочитанных'));
  });

  it('opens a review request at the booking’s review form', async () => {
    const { master, service } = signedInMaster();
    const me = person('Ольга');
    signIn(me);
    const booking = seedBooking({ client: me, master, service, start: minutesAgo(60 * 24), status: 'completed' });
    seedBookingItem(me, 'review_request', person('Мария'), booking.id);
    const { user } = await openApp('/notifications');

    const item = await screen.findByRole('link', { name: /Как прошёл визит\? Оцените мастера: Мария/ });
    await user.click(item);

    await waitForPath(`/bookings/${booking.id}`);
    expect(await screen.findByTestId('review-form')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Отправить отзыв' })).toBeInTheDocument();
  });

  it('marks everything read at once', async () => {
    const { me, master } = signedInMaster();
    seedReviewGroup(me, master, 3);
    seedBookingItem(me, 'booking_created', person('Олег'), 'b-1');
    const { user } = await openApp('/notifications');
    await screen.findByTestId('notification-list');
    expect(unreadItems()).toHaveLength(2);

    await user.click(await screen.findByRole('button', { name: 'Прочитать все' }));

    await waitFor(() => expect(unreadItems()).toHaveLength(0));
    expect(ndb.calls.reads).toEqual([{ all: true }]);
    await waitFor(() => expect(within(bell()).queryByTestId('notification-badge')).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Прочитать все' })).not.toBeInTheDocument();
  });

  it('loads the next page when the end of the list comes into sight, without repeats', async () => {
    const observer = installIntersectionObserver();
    try {
      const { me } = signedInMaster();
      const client = person('Олег');
      for (let i = 1; i <= 25; i += 1) {
        seedBookingItem(me, 'booking_created', client, `b-${i}`, { text: `#${i}`, target: { type: 'booking', id: `b-${i}`, service_name: `Услуга ${i}`, start_at: SOON, status: 'pending' } });
      }
      const { sockets } = await openApp('/notifications');
      await screen.findByTestId('notification-list');
      expect(screen.getAllByTestId('notification')).toHaveLength(20);

      // Something new arrives before the next page: the pages that follow do not shift.
      const fresh = seedBookingItem(me, 'booking_confirmed', client, 'b-new', { latest_at: new Date().toISOString() });
      act(() => sockets.push('notification:new', fresh));
      await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(21));

      await waitFor(() => expect(observer.watched).toBe(1));
      observer.scrollIntoView();

      await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(26));
      const details = screen.getAllByTestId('notification-detail').map((d) => d.textContent!.split(',')[0]);
      expect(details).toEqual([
        'Маникюр с покрытием',
        ...Array.from({ length: 25 }, (_, i) => `Услуга ${25 - i}`),
      ]);
      expect(new Set(details).size).toBe(26);
      expect(ndb.calls.lists.filter((p) => p.has('cursor'))).toHaveLength(1);
      expect(screen.queryByTestId('notifications-more')).not.toBeInTheDocument();
    } finally {
      observer.uninstall();
    }
  });

  it('has a "show more" button where the browser cannot watch the scroll', async () => {
    const { me } = signedInMaster();
    for (let i = 1; i <= 23; i += 1) seedBookingItem(me, 'booking_created', person(`Клиент${i}`), `b-${i}`);
    const { user } = await openApp('/notifications');
    await screen.findByTestId('notification-list');
    expect(screen.getAllByTestId('notification')).toHaveLength(20);

    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));

    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(23));
    expect(titles().at(-1)).toBe('Новая запись: Клиент1');
    expect(screen.queryByRole('button', { name: 'Показать ещё' })).not.toBeInTheDocument();
  });

  it('puts a live notification on top, and a grown group in place of its old self', async () => {
    const { me, master } = signedInMaster();
    const group = seedReviewGroup(me, master, 2, { latest_at: minutesAgo(30) });
    seedBookingItem(me, 'booking_created', person('Олег'), 'b-1', { latest_at: minutesAgo(10) });
    const { sockets } = await openApp('/notifications');
    await screen.findByTestId('notification-list');
    expect(titles()).toEqual(['Новая запись: Олег', 'Анна и ещё 1 оставили отзывы']);

    const reminder = seedNotification(me, {
      type: 'booking_reminder',
      actors: [actorOf(person('Светлана'))],
      target: { type: 'booking', id: 'b-9', service_name: 'Стрижка', start_at: SOON, status: 'confirmed' },
      latest_at: minutesAgo(0),
    });
    act(() => sockets.push('notification:new', reminder));
    await waitFor(() => expect(titles()).toEqual(['Напоминание о визите: Светлана', 'Новая запись: Олег', 'Анна и ещё 1 оставили отзывы']));

    const grown = updateNotification(me.id, group.id, {
      count: 3,
      actors: [actorOf(person('Жанна')), ...group.actors],
      latest_at: new Date().toISOString(),
      read: false,
    });
    act(() => sockets.push('notification:new', grown));

    await waitFor(() =>
      expect(titles()).toEqual(['Жанна и ещё 2 оставили отзывы', 'Напоминание о визите: Светлана', 'Новая запись: Олег']),
    );
    expect(screen.getAllByTestId('notification')).toHaveLength(3);
    // No toast on the page itself: the list already shows it.
    expect(screen.queryByTestId('notification-toast')).not.toBeInTheDocument();
  });

  it('shows the server’s text for types it does not know, and writes in English after a switch', async () => {
    const { me, master } = signedInMaster();
    seedReviewGroup(me, master, 5);
    seedNotification(me, {
      type: 'post_liked',
      actors: [actorOf(person('Инна'))],
      target: { type: 'post', id: 'p-1' },
      text: 'Инна и ещё 2 оценили вашу публикацию',
      latest_at: minutesAgo(1),
    });
    const { user } = await openApp('/notifications');
    await screen.findByTestId('notification-list');
    expect(titles()).toEqual(['Инна и ещё 2 оценили вашу публикацию', 'Анна и ещё 4 оставили отзывы']);

    // Opening it marks it read; there is nowhere to go yet.
    await user.click(screen.getByRole('button', { name: /Инна и ещё 2 оценили/ }));
    await waitFor(() => expect(ndb.calls.reads).toHaveLength(1));
    expect(window.location.pathname).toBe('/notifications');

    await user.click(screen.getByTestId('lang-en'));
    expect(titles()).toEqual(['Инна и ещё 2 оценили вашу публикацию', 'Анна and 4 others reviewed you']);
    expect(screen.getByText('5 minutes ago')).toBeInTheDocument();
  });

  it('says when there is nothing, and offers a retry when the list fails', async () => {
    signedInMaster();
    let fail = true;
    server.use(
      http.get(`${API}/notifications`, () => (fail ? problem(503, 'service_unavailable', 'Service Unavailable') : undefined)),
    );
    const { user } = await openApp('/notifications');

    const error = await screen.findByTestId('notifications-error');
    expect(error).toHaveTextContent('Сервис временно недоступен');
    fail = false;
    await user.click(within(error).getByRole('button', { name: 'Повторить' }));

    expect(await screen.findByTestId('notifications-empty')).toHaveTextContent('Уведомлений пока нет');
  });
});

describe('live toasts', () => {
  let me: StoredUser;
  beforeEach(() => {
    me = signedInMaster().me;
  });

  it('pops up a new notification that opens its target and marks it read', async () => {
    const { sockets, user } = await openApp('/profile');
    await screen.findByTestId('profile-name');

    const item = seedBookingItem(me, 'booking_created', person('Олег'), 'b-42');
    act(() => sockets.push('notification:new', item));

    const toast = await screen.findByTestId('notification-toast');
    expect(toast).toHaveAttribute('role', 'status');
    expect(toast).toHaveTextContent('Новая запись: Олег');
    expect(toast).toHaveTextContent('Маникюр с покрытием');
    server.use(http.get(`${API}/bookings/:id`, () => problem(404, 'not_found', 'Not Found')));
    await user.click(within(toast).getByRole('link', { name: /Новая запись: Олег/ }));

    await waitForPath('/bookings/b-42');
    await waitFor(() => expect(ndb.calls.reads).toEqual([{ ids: [item.id] }]));
    expect(screen.queryByTestId('notification-toast')).not.toBeInTheDocument();
  });

  it('keeps at most three, and each goes away after about six seconds', async () => {
    const { sockets } = await openApp('/profile');
    await screen.findByTestId('profile-name');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const name of ['Алла', 'Богдан', 'Виктор', 'Галина']) {
      act(() => sockets.push('notification:new', seedBookingItem(me, 'booking_created', person(name), `b-${name}`)));
    }
    expect(screen.getAllByTestId('notification-toast').map((t) => t.textContent)).toEqual([
      expect.stringContaining('Богдан'),
      expect.stringContaining('Виктор'),
      expect.stringContaining('Галина'),
    ]);

    act(() => vi.advanceTimersByTime(5_000));
    expect(screen.getAllByTestId('notification-toast')).toHaveLength(3);
    act(() => vi.advanceTimersByTime(1_100));
    expect(screen.queryByTestId('notification-toast')).not.toBeInTheDocument();
  });
});
