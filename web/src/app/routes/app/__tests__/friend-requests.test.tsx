import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import { FakeSocketServer } from '@/testing/fake-socket';
import { API, problem } from '@/testing/mocks/handlers';
import { actorOf } from '@/testing/mocks/notifications-db';
import { server } from '@/testing/mocks/server';
import { areFriends, sdb, seedFriendRequest } from '@/testing/mocks/social-db';
import { gate, openPage, person, setupPeople } from '@/testing/social';
import { waitForPath } from '@/testing/test-utils';

const requestNames = () =>
  screen.queryAllByTestId('friend-request').map((r) => r.querySelector('.user-card__name')?.textContent);
const navBadge = () => screen.queryByTestId('nav-friend-requests');

describe('friend requests inbox', () => {
  it('accepts one: it leaves the list at once and the badge goes down', async () => {
    const { me, anna, maria } = setupPeople();
    seedFriendRequest(anna, me, 60);
    const fromMaria = seedFriendRequest(maria, me, 5);
    const accept = gate();
    server.use(
      http.post(`${API}/friends/requests/:id/accept`, async () => {
        await accept.wait;
        return undefined;
      }),
    );
    const { user } = await openPage('/friends/requests');
    await screen.findByTestId('requests-list');
    expect(requestNames()).toEqual(['Мария', 'Анна']);
    await waitFor(() => expect(navBadge()).toHaveTextContent('2'));
    expect(screen.getByTestId('nav-profile')).toHaveTextContent('2 ждут ответа');

    const first = screen.getAllByTestId('friend-request')[0]!;
    await user.click(within(first).getByRole('button', { name: 'Принять' }));
    // Before the server answers.
    expect(requestNames()).toEqual(['Анна']);
    accept.release();
    await waitFor(() => expect(fromMaria.status).toBe('accepted'));
    expect(areFriends(me.id, maria.id)).toBe(true);
    await waitFor(() => expect(navBadge()).toHaveTextContent('1'));
    expect(requestNames()).toEqual(['Анна']);
  });

  it('puts a request back with a toast when the server refuses', async () => {
    const { me, anna } = setupPeople();
    seedFriendRequest(anna, me);
    server.use(http.post(`${API}/friends/requests/:id/decline`, () => problem(503, 'service_unavailable', 'Service Unavailable')));
    const { user } = await openPage('/friends/requests');
    await screen.findByTestId('requests-list');

    await user.click(screen.getByRole('button', { name: 'Отклонить' }));
    await waitFor(() => expect(screen.getAllByTestId('toast').map((t) => t.textContent).join()).toContain('Не удалось выполнить действие с заявкой'));
    expect(requestNames()).toEqual(['Анна']);
  });

  it('declines, and cancels my own request on the outgoing tab', async () => {
    const { me, anna, maria } = setupPeople();
    const incoming = seedFriendRequest(anna, me);
    const mine = seedFriendRequest(me, maria);
    const { user } = await openPage('/friends/requests');
    await screen.findByTestId('requests-list');

    await user.click(screen.getByRole('button', { name: 'Отклонить' }));
    expect(await screen.findByTestId('requests-empty')).toHaveTextContent('Новых заявок нет');
    await waitFor(() => expect(incoming.status).toBe('declined'));

    await user.click(screen.getByRole('tab', { name: 'Исходящие' }));
    expect(window.location.search).toBe('?tab=outgoing');
    await screen.findByTestId('requests-list');
    expect(requestNames()).toEqual(['Мария']);
    await user.click(screen.getByRole('button', { name: 'Отменить' }));
    expect(await screen.findByTestId('requests-empty')).toHaveTextContent('Отправленных заявок нет');
    expect(mine.status).toBe('cancelled');
  });

  it('counts a new request as it arrives (notification:new friend_request)', async () => {
    const { me, anna } = setupPeople();
    const sockets = new FakeSocketServer();
    await openPage('/profile', sockets);
    await screen.findByTestId('profile-friend-requests');
    expect(navBadge()).not.toBeInTheDocument();

    seedFriendRequest(anna, me);
    act(() =>
      sockets.push('notification:new', {
        id: 'n-1',
        type: 'friend_request',
        count: 1,
        actors: [actorOf(anna)],
        target: { type: 'user', id: anna.id },
        created_at: new Date().toISOString(),
        latest_at: new Date().toISOString(),
        read: false,
        text: 'Анна хочет добавить вас в друзья',
      }),
    );
    await waitFor(() => expect(navBadge()).toHaveTextContent('1'));
    expect(screen.getByTestId('profile-friend-requests-count')).toHaveTextContent('1');
  });

  it('is reached from the profile page and speaks English', async () => {
    const { me } = setupPeople();
    seedFriendRequest(person('Борис'), me);
    setLanguage('en');
    const { user } = await openPage('/profile');
    await user.click(await screen.findByRole('link', { name: /Friend requests/ }));
    await waitForPath('/friends/requests');
    expect(await screen.findByRole('heading', { name: 'Friend requests' })).toBeInTheDocument();
    await screen.findByTestId('requests-list');
    expect(screen.getByRole('button', { name: 'Accept' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Outgoing' })).toBeInTheDocument();
    expect(sdb.calls.requests).toEqual([]);
  });
});
