import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mdb, seedMaster } from '@/testing/mocks/marketplace-db';
import { renderApp, seedUser } from '@/testing/test-utils';

describe('favourites', () => {
  it('lists favourite masters and un-hearts one', async () => {
    const me = seedUser({}, { loggedIn: true });
    const { master: a } = seedMaster({ user: { name: 'Мария' } });
    const { master: b } = seedMaster({ user: { name: 'Ольга' } });
    mdb.favorites.set(me.id, [b.id, a.id]);
    const { user } = renderApp('/favorites');

    const list = await screen.findByTestId('favorites-list');
    expect(within(list).getAllByTestId('master-card-link').map((l) => l.textContent)).toEqual(['Ольга', 'Мария']);
    await user.click(within(list).getByRole('button', { name: 'Убрать Ольга из избранного' }));
    await waitFor(() => expect(mdb.favorites.get(me.id)).toEqual([a.id]));
    // Stays until the next visit, so an accidental tap can be undone.
    expect(within(list).getByRole('button', { name: 'Добавить Ольга в избранное' })).toBeInTheDocument();
  });

  it('explains the empty list', async () => {
    seedUser({}, { loggedIn: true });
    renderApp('/favorites');
    expect(await screen.findByTestId('favorites-empty')).toHaveTextContent('сердечком');
  });
});
