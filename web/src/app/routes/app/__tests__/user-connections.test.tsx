import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { installIntersectionObserver } from '@/testing/intersection-observer';
import type { StoredUser } from '@/testing/mocks/db';
import { API } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { befriend, cardOf, follow, isFollowing, sdb } from '@/testing/mocks/social-db';
import { openPage, openProfile, person, setupPeople } from '@/testing/social';
import { waitForPath } from '@/testing/test-utils';

const names = () => screen.queryAllByTestId('user-card').map((c) => c.querySelector('.user-card__name')?.textContent);

function followers(of: StoredUser, count: number): StoredUser[] {
  const list: StoredUser[] = [];
  for (let i = 1; i <= count; i += 1) {
    const p = person(`Подписчик ${String(i).padStart(2, '0')}`);
    follow(p, of);
    list.push(p);
  }
  return list;
}

describe('followers, following and friends', () => {
  it('opens from the profile counts and pages the followers as the end comes into sight, each once', { timeout: 15_000 }, async () => {
    const observer = installIntersectionObserver();
    try {
      const { maria } = setupPeople();
      followers(maria, 25);
      const { user } = await openProfile(maria.id);

      await user.click(screen.getByTestId('count-followers'));
      await waitForPath(`/users/${maria.id}/followers`);
      await screen.findByTestId('user-list');
      expect(names()).toHaveLength(20);
      // Newest first.
      expect(names()[0]).toBe('Подписчик 25');
      expect(screen.getByRole('tab', { name: 'Подписчики · 25' })).toHaveAttribute('aria-selected', 'true');

      observer.scrollIntoView();
      await waitFor(() => expect(names()).toHaveLength(25));
      expect(new Set(names()).size).toBe(25);
      expect(names()[24]).toBe('Подписчик 01');
      expect(sdb.calls.lists.map((c) => c.params.get('cursor'))).toEqual([null, expect.any(String)]);
      expect(screen.queryByTestId('user-list-more')).not.toBeInTheDocument();
    } finally {
      observer.uninstall();
    }
  });

  it('shows a person once even when the next page repeats them', async () => {
    const { anna, maria } = setupPeople();
    const list = followers(anna, 3);
    // A page that overlaps the first one (someone unfollowed and followed again between the two).
    server.use(
      http.get(`${API}/users/:id/followers`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        const cards = list.map(cardOf).reverse();
        return cursor
          ? HttpResponse.json({ items: [cards[1], cards[2], cardOf(maria)], next_cursor: null })
          : HttpResponse.json({ items: [cards[0], cards[1]], next_cursor: 'page-2' });
      }),
    );
    const { user } = await openPage(`/users/${anna.id}/followers`);
    await screen.findByTestId('user-list');
    expect(names()).toEqual(['Подписчик 03', 'Подписчик 02']);

    await user.click(screen.getByTestId('user-list-more'));
    await waitFor(() => expect(names()).toEqual(['Подписчик 03', 'Подписчик 02', 'Подписчик 01', 'Мария']));
  });

  it('follows from a card; the role badge and the link lead where they should; no button on my own card', async () => {
    const { me, anna, maria, master } = setupPeople();
    follow(maria, anna);
    follow(me, anna);
    const { user } = await openPage(`/users/${anna.id}/followers`);
    await screen.findByTestId('user-list');
    const [mine, marias] = screen.getAllByTestId('user-card');
    expect(names()).toEqual(['Ольга', 'Мария']);
    expect(within(mine!).queryByTestId('follow-button')).not.toBeInTheDocument();
    expect(within(marias!).getByTestId('role-badge')).toHaveAttribute('href', `/masters/${master.id}`);
    expect(within(marias!).getByRole('link', { name: /Мария/ })).toHaveAttribute('href', `/users/${maria.id}`);

    const button = await within(marias!).findByTestId('follow-button');
    expect(button).toHaveTextContent('Подписаться');
    await user.click(button);
    expect(button).toHaveTextContent('Отписаться');
    await waitFor(() => expect(isFollowing(me.id, maria.id)).toBe(true));
  });

  it('switches between the three lists with tabs and says when one is empty', async () => {
    const { me, anna, maria } = setupPeople();
    befriend(anna, maria);
    follow(anna, me);
    const { user } = await openPage(`/users/${anna.id}/following`);
    expect(await screen.findByTestId('user-list')).toBeInTheDocument();
    expect(names()).toEqual(['Ольга']);
    expect(screen.getByTestId('page-title')).toHaveTextContent('Анна');

    await user.click(screen.getByRole('tab', { name: /Друзья/ }));
    await waitForPath(`/users/${anna.id}/friends`);
    await waitFor(() => expect(names()).toEqual(['Мария']));

    await user.click(screen.getByRole('tab', { name: /Подписчики/ }));
    expect(await screen.findByTestId('user-list-empty')).toHaveTextContent('Подписчиков пока нет');

    await user.click(screen.getByTestId('back-to-profile'));
    await waitForPath(`/users/${anna.id}`);
  });

  it('shows my own lists at /users/me/…', async () => {
    const { me, anna } = setupPeople();
    follow(me, anna);
    await openPage('/users/me/following');
    await screen.findByTestId('user-list');
    expect(names()).toEqual(['Анна']);
    // The card knows I follow her (from her profile).
    expect(await screen.findByTestId('follow-button')).toHaveTextContent('Отписаться');
  });
});
