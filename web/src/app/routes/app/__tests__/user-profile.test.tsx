import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import { cdb } from '@/testing/mocks/chats-db';
import { API, problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { befriend, follow, isFollowing, sdb, seedFriendRequest } from '@/testing/mocks/social-db';
import { countOf, gate, openPage, openProfile, person, setupPeople } from '@/testing/social';
import { waitForPath } from '@/testing/test-utils';

const followButton = () => screen.getByTestId('follow-button');
const toasts = () => screen.queryAllByTestId('toast').map((t) => t.textContent);

describe('profile page', () => {
  it('shows who they are, the counts (the lists one tap away) and the master badge linking to the master page', async () => {
    const { me, anna, maria, master } = setupPeople();
    follow(anna, maria);
    follow(me, maria);
    follow(maria, anna);
    befriend(maria, anna);
    sdb.posts.set(maria.id, 12);
    await openProfile(maria.id);

    expect(screen.getByTestId('profile-name')).toHaveTextContent('Мария');
    expect(screen.getByTestId('profile-city')).toHaveTextContent('Москва');
    expect(screen.getByTestId('avatar-initials')).toHaveTextContent('М');
    const badge = screen.getByTestId('role-badge');
    expect(badge).toHaveTextContent('Мастер');
    expect(badge).toHaveAttribute('href', `/masters/${master.id}`);
    expect([countOf('posts'), countOf('followers'), countOf('following'), countOf('friends')]).toEqual(['12', '2', '1', '1']);
    expect(screen.getByTestId('count-followers')).toHaveAttribute('href', `/users/${maria.id}/followers`);
    expect(screen.getByTestId('count-following')).toHaveAttribute('href', `/users/${maria.id}/following`);
    expect(screen.getByTestId('count-friends')).toHaveAttribute('href', `/users/${maria.id}/friends`);
    expect(within(screen.getByTestId('count-posts')).queryByRole('link')).not.toBeInTheDocument();
    expect(followButton()).toHaveTextContent('Отписаться');
    expect(screen.getByTestId('friend-add')).toHaveTextContent('Добавить в друзья');
    expect(screen.getByTestId('start-chat')).toHaveTextContent('Написать');
    // The posts feature's grid, for this user (who has no posts in the mock).
    expect(await screen.findByTestId('user-posts-empty')).toBeInTheDocument();
    expect(document.title).toContain('Мария');
  });

  it('follows at once, keeps it when the server agrees and rolls back with a toast when it refuses', async () => {
    const { me, anna } = setupPeople();
    const put = gate();
    server.use(
      http.put(`${API}/users/:id/follow`, async () => {
        await put.wait;
        return undefined; // on to the mock server's own handler
      }),
    );
    const { user } = await openProfile(anna.id);
    expect(followButton()).toHaveTextContent('Подписаться');
    expect(countOf('followers')).toBe('0');

    await user.click(followButton());
    // Before the server has answered.
    expect(followButton()).toHaveTextContent('Отписаться');
    expect(followButton()).toHaveAttribute('aria-pressed', 'true');
    expect(countOf('followers')).toBe('1');
    put.release();
    await waitFor(() => expect(sdb.calls.follows).toEqual([{ method: 'PUT', id: anna.id }]));
    await waitFor(() => expect(followButton()).toBeEnabled());
    expect(followButton()).toHaveTextContent('Отписаться');
    expect(countOf('followers')).toBe('1');

    const refuse = gate();
    server.use(
      http.delete(`${API}/users/:id/follow`, async () => {
        await refuse.wait;
        return problem(503, 'service_unavailable', 'Service Unavailable');
      }),
    );
    await user.click(followButton());
    expect(followButton()).toHaveTextContent('Подписаться');
    expect(countOf('followers')).toBe('0');
    refuse.release();
    await waitFor(() => expect(followButton()).toHaveTextContent('Отписаться'));
    expect(countOf('followers')).toBe('1');
    expect(toasts().join(' ')).toContain('Не удалось изменить подписку');
    expect(isFollowing(me.id, anna.id)).toBe(true);
  });

  it('sends a friend request and takes it back', async () => {
    const { me, anna } = setupPeople();
    const { user } = await openProfile(anna.id);

    await user.click(screen.getByTestId('friend-add'));
    const outgoing = await screen.findByTestId('friend-outgoing');
    expect(outgoing).toHaveTextContent('Заявка отправлена');
    const stored = [...sdb.requests.values()];
    expect(stored.map((r) => [r.from, r.to, r.status])).toEqual([[me.id, anna.id, 'pending']]);

    await user.click(outgoing);
    await user.click(screen.getByRole('menuitem', { name: 'Отменить заявку' }));
    expect(await screen.findByTestId('friend-add')).toHaveTextContent('Добавить в друзья');
    expect(stored[0]!.status).toBe('cancelled');
    expect(sdb.calls.requests.map((c) => `${c.method} ${c.path}`)).toContain(`DELETE /friends/requests/${stored[0]!.id}`);
  });

  it('accepts their request, then removes the friend', async () => {
    const { me, anna } = setupPeople();
    const request = seedFriendRequest(anna, me);
    const { user } = await openProfile(anna.id);
    expect(screen.getByTestId('friend-incoming')).toHaveAccessibleName('Хочет добавить вас в друзья');
    expect(countOf('friends')).toBe('0');

    await user.click(screen.getByRole('button', { name: 'Принять' }));
    const friends = await screen.findByTestId('friend-friends');
    expect(friends).toHaveTextContent('В друзьях');
    expect(countOf('friends')).toBe('1');
    expect(request.status).toBe('accepted');
    expect(toasts()).toContain('Теперь вы друзья: Анна×');

    await user.click(friends);
    await user.click(screen.getByRole('menuitem', { name: 'Удалить из друзей' }));
    expect(await screen.findByTestId('friend-add')).toBeInTheDocument();
    expect(countOf('friends')).toBe('0');
    expect(sdb.friends.size).toBe(0);
  });

  it('declines their request', async () => {
    const { me, anna } = setupPeople();
    const request = seedFriendRequest(anna, me);
    const { user } = await openProfile(anna.id);

    await user.click(screen.getByRole('button', { name: 'Отклонить' }));
    expect(await screen.findByTestId('friend-add')).toBeInTheDocument();
    expect(request.status).toBe('declined');
    expect(sdb.calls.requests.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /friends/requests/${request.id}/decline`]);
  });

  it('becomes friends at once when asking someone who already asked', async () => {
    const { me, anna } = setupPeople();
    seedFriendRequest(anna, me);
    // The page was loaded before their request came.
    sdb.requests.clear();
    const { user } = await openProfile(anna.id);
    expect(screen.getByTestId('friend-add')).toBeInTheDocument();
    seedFriendRequest(anna, me);

    await user.click(screen.getByTestId('friend-add'));
    expect(await screen.findByTestId('friend-friends')).toBeInTheDocument();
    expect(countOf('friends')).toBe('1');
  });

  it('hides their posts quietly, and shows them again', async () => {
    const { me, anna } = setupPeople();
    const { user } = await openProfile(anna.id);

    await user.click(screen.getByRole('button', { name: 'Ещё' }));
    await user.click(screen.getByRole('menuitem', { name: 'Не показывать публикации' }));
    await waitFor(() => expect(toasts()).toContain('Вы не будете видеть публикации Анна×'));
    expect(sdb.mutes.has(`${me.id}:${anna.id}`)).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Ещё' }));
    await user.click(screen.getByRole('menuitem', { name: 'Показывать публикации' }));
    await waitFor(() => expect(sdb.mutes.size).toBe(0));
  });

  it('blocks after a question, leaves the page, and the profile is then not found', async () => {
    const { me, anna } = setupPeople();
    follow(me, anna);
    follow(anna, me);
    const { user } = await openProfile(anna.id);

    await user.click(screen.getByRole('button', { name: 'Ещё' }));
    await user.click(screen.getByRole('menuitem', { name: 'Заблокировать' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Заблокировать Анна?' });
    // Changing one's mind costs nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(cdb.blocks.size).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Ещё' }));
    await user.click(screen.getByRole('menuitem', { name: 'Заблокировать' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Заблокировать' }));

    // Opened directly, the page goes home (the feed).
    await waitForPath('/');
    expect(cdb.blocks.has(`${me.id}:${anna.id}`)).toBe(true);
    expect(sdb.follows).toEqual([]);
    expect(toasts()).toContain('Пользователь Анна заблокирован×');

    act(() => {
      window.history.pushState(null, '', `/users/${anna.id}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(await screen.findByTestId('user-not-found')).toHaveTextContent('Пользователь не найден');
    expect(screen.queryByTestId('profile-header')).not.toBeInTheDocument();
  });

  it('goes back to the list it came from after a block, without them in it', async () => {
    const { me, anna } = setupPeople();
    const boris = person('Борис');
    follow(anna, me);
    follow(boris, me);
    const { user } = await openPage(`/users/${me.id}/followers`);
    await screen.findByTestId('user-list');
    await user.click(screen.getByRole('link', { name: /Анна/ }));
    await screen.findByTestId('profile-header');

    await user.click(screen.getByRole('button', { name: 'Ещё' }));
    await user.click(screen.getByRole('menuitem', { name: 'Заблокировать' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Заблокировать' }));

    await waitForPath(`/users/${me.id}/followers`);
    await waitFor(() =>
      expect(screen.getAllByTestId('user-card').map((c) => c.querySelector('.user-card__name')?.textContent)).toEqual(['Борис']),
    );
  });

  it('says so when the user does not exist', async () => {
    setupPeople();
    await openPage('/users/00000000-0000-4000-8000-000000000999');
    expect(await screen.findByRole('heading', { name: 'Пользователь не найден' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'На главную' })).toHaveAttribute('href', '/');
  });

  it('opens the direct chat from "Написать"', async () => {
    const { anna } = setupPeople();
    const { user } = await openProfile(anna.id);
    await user.click(screen.getByTestId('start-chat'));
    await waitFor(() => expect(cdb.chats.size).toBe(1));
    await waitForPath(`/chats/${[...cdb.chats.values()][0]!.id}`);
  });

  it('shows my own page with "Редактировать профиль" instead of the buttons, and my friend requests', async () => {
    const { me, anna } = setupPeople();
    seedFriendRequest(anna, me);
    const { user } = await openProfile('me');

    expect(screen.getByTestId('profile-name')).toHaveTextContent('Ольга');
    expect(screen.queryByTestId('follow-button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('friend-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('start-chat')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ещё' })).not.toBeInTheDocument();
    expect(screen.getByTestId('count-followers')).toHaveAttribute('href', `/users/${me.id}/followers`);
    expect(await screen.findByTestId('friend-requests-count')).toHaveTextContent('1');

    await user.click(screen.getByRole('link', { name: 'Редактировать профиль' }));
    await waitForPath('/profile/edit');
  });

  it('speaks English when switched', async () => {
    const { anna } = setupPeople();
    setLanguage('en');
    await openProfile(anna.id);
    expect(followButton()).toHaveTextContent('Follow');
    expect(screen.getByTestId('friend-add')).toHaveTextContent('Add friend');
    expect(screen.getByTestId('count-followers')).toHaveTextContent('Followers');
  });

  it('lists whom I blocked, from the profile, and unblocks', async () => {
    const { me, anna } = setupPeople();
    cdb.blocks.add(`${me.id}:${anna.id}`);
    const { user } = await openPage('/profile');
    await user.click(await screen.findByRole('link', { name: 'Заблокированные' }));
    await waitForPath('/settings/blocked');
    const item = await screen.findByTestId('blocked-user');
    expect(item).toHaveTextContent('Анна');

    await user.click(within(item).getByRole('button', { name: 'Разблокировать' }));
    expect(await screen.findByTestId('blocks-empty')).toHaveTextContent('Вы никого не блокировали');
    expect(cdb.blocks.size).toBe(0);
  });
});
