import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import type { StoredUser } from '@/testing/mocks/db';
import { actorOf, minutesAgo, ndb, seedNotification } from '@/testing/mocks/notifications-db';
import { follow } from '@/testing/mocks/social-db';
import { bell, openApp, person, signIn } from '@/testing/notifications';
import { waitForPath } from '@/testing/test-utils';

const titles = () => screen.queryAllByTestId('notification-title').map((t) => t.textContent);
const hrefs = () => screen.queryAllByTestId('notification').map((n) => n.getAttribute('href'));

/** One item of every social type for `me`, oldest first, as the grouped list shows them. */
function seedSocial(me: StoredUser) {
  const anna = person('Анна');
  const boris = person('Борис');
  const vera = person('Вера');
  const actors = [anna, boris, vera].map((p) => actorOf(p));
  const post = { type: 'post', id: 'p-1', post_id: 'p-1' };
  const items = [
    seedNotification(me, { type: 'comment_replied', actors: [actors[2]!], target: { type: 'comment', id: 'c-2', post_id: 'p-2', text: 'Согласна!' } }),
    seedNotification(me, { type: 'post_commented', actors: [actors[1]!], target: { type: 'comment', id: 'c-1', post_id: 'p-1', text: 'Очень красиво' } }),
    seedNotification(me, { type: 'post_reposted', actors: [actors[1]!], target: post }),
    seedNotification(me, { type: 'post_liked', count: 5, actors, target: post }),
    seedNotification(me, { type: 'friend_accepted', actors: [actors[2]!], target: { type: 'user', id: vera.id } }),
    seedNotification(me, { type: 'friend_request', actors: [actors[1]!], target: { type: 'user', id: boris.id } }),
    seedNotification(me, { type: 'new_follower', actors: [actors[1]!], target: { type: 'user', id: me.id } }),
    seedNotification(me, { type: 'new_follower', count: 3, actors, target: { type: 'user', id: me.id }, latest_at: minutesAgo(1) }),
  ];
  return { anna, boris, vera, items };
}

describe('social notifications', () => {
  it('shows every social type in Russian, grouped where the server grouped them, each opening its page', async () => {
    const me = person('Ольга');
    signIn(me);
    const { boris, vera } = seedSocial(me);
    await openApp('/notifications');
    await screen.findByTestId('notification-list');

    expect(titles()).toEqual([
      'Анна и ещё 2 подписались на вас',
      'Новый подписчик: Борис',
      'Борис хочет добавить вас в друзья',
      'Вера: заявка в друзья принята',
      'Вашу публикацию оценили Анна и ещё 4',
      'Репост вашей публикации: Борис',
      'Новый комментарий к публикации: Борис',
      'Ответ на ваш комментарий: Вера',
    ]);
    expect(hrefs()).toEqual([
      '/users/me/followers',
      `/users/${boris.id}`,
      '/friends/requests',
      `/users/${vera.id}`,
      '/posts/p-1',
      '/posts/p-1',
      '/posts/p-1',
      '/posts/p-2',
    ]);
    const details = screen.getAllByTestId('notification-detail').map((d) => d.textContent);
    expect(details).toEqual(['Очень красиво', 'Согласна!']);
    // Three faces on a group.
    expect(within(screen.getAllByTestId('notification')[0]!).getAllByTestId('avatar-initials').map((a) => a.textContent)).toEqual([
      'А',
      'Б',
      'В',
    ]);
  });

  it('speaks English', async () => {
    const me = person('Ольга');
    signIn(me);
    seedSocial(me);
    setLanguage('en');
    await openApp('/notifications');
    await screen.findByTestId('notification-list');

    expect(titles()).toEqual([
      'Анна and 2 others started following you',
      'Борис started following you',
      'Борис wants to be your friend',
      'Вера accepted your friend request',
      'Анна and 4 others liked your post',
      'Борис reposted your post',
      'Борис commented on your post',
      'Вера replied to your comment',
    ]);
  });

  it('opens my followers from a grouped new_follower and marks it read', async () => {
    const me = person('Ольга');
    signIn(me);
    const { items, anna, boris } = seedSocial(me);
    follow(anna, me);
    follow(boris, me);
    const { user } = await openApp('/notifications');
    await screen.findByTestId('notification-list');
    await waitFor(() => expect(bell()).toHaveAccessibleName('Уведомления: 8 непрочитанных'));

    await user.click(screen.getByRole('link', { name: /Анна и ещё 2 подписались на вас/ }));
    await waitForPath('/users/me/followers');
    await screen.findByTestId('user-list');
    expect(screen.getAllByTestId('user-card').map((c) => c.querySelector('.user-card__name')?.textContent)).toEqual(['Борис', 'Анна']);
    await waitFor(() => expect(ndb.calls.reads).toEqual([{ ids: [items[7]!.id] }]));
  });

  it('opens the inbox from a friend request', async () => {
    const me = person('Ольга');
    signIn(me);
    seedSocial(me);
    const { user } = await openApp('/notifications');
    await user.click(await screen.findByRole('link', { name: /Борис хочет добавить вас в друзья/ }));
    await waitForPath('/friends/requests');
    expect(await screen.findByRole('heading', { name: 'Заявки в друзья' })).toBeInTheDocument();
  });
});
