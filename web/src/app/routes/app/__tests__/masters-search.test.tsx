import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mdb, seedMaster, HAIRCUT_ID, MANICURE_ID } from '@/testing/mocks/marketplace-db';
import { plainSpaces, renderApp, seedUser } from '@/testing/test-utils';

const MOSCOW = { lat: 55.7558, lon: 37.6173 };

function stubGeolocation(impl: (ok: PositionCallback, fail: PositionErrorCallback) => void) {
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), {
    geolocation: { getCurrentPosition: vi.fn(impl) },
  }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('masters search', () => {
  it('lists masters near the Moscow centre with distance, rating and price when nothing else is known', async () => {
    seedUser({}, { loggedIn: true });
    seedMaster({ user: { name: 'Мария' }, services: [{ price_minor: 150_000 }, { price_minor: 250_000 }] });
    seedMaster({ user: { name: 'Далёкая' }, location: { lat: 59.93, lon: 30.31 } });
    renderApp('/masters');

    const card = await screen.findByTestId('master-card');
    expect(within(card).getByRole('link', { name: 'Мария' })).toHaveAttribute('href', expect.stringMatching(/^\/masters\//));
    expect(plainSpaces(within(card).getByTestId('master-min-price').textContent)).toBe('от 1 500 ₽');
    expect(within(card).getByTestId('master-distance')).toHaveTextContent('490 м');
    expect(within(card).getByText('Нет оценок')).toBeInTheDocument();
    // Only the one within 10 km.
    expect(screen.getAllByTestId('master-card')).toHaveLength(1);
    expect(screen.getByTestId('search-origin')).toHaveTextContent('Рядом с центром Москвы');
    const query = mdb.calls.searches.at(-1)!;
    expect(Number(query.get('lat'))).toBe(MOSCOW.lat);
    expect(Number(query.get('lon'))).toBe(MOSCOW.lon);
    expect(query.get('radius_km')).toBe('10');
    expect(query.get('sort')).toBe('distance');
  });

  it('uses the location from the profile when the browser cannot tell', async () => {
    stubGeolocation((_ok, fail) => fail({ code: 1, message: 'denied' } as GeolocationPositionError));
    seedUser({ location: { lat: 59.9343, lon: 30.3351 } }, { loggedIn: true });
    seedMaster({ user: { name: 'Питерская' }, location: { lat: 59.93, lon: 30.31 } });
    renderApp('/masters');

    expect(await screen.findByRole('link', { name: 'Питерская' })).toBeInTheDocument();
    expect(screen.getByTestId('search-origin')).toHaveTextContent('Рядом с местом из вашего профиля');
    expect(mdb.calls.searches.at(-1)!.get('lat')).toBe('59.9343');
  });

  it('prefers the browser geolocation', async () => {
    stubGeolocation((ok) =>
      ok({ coords: { latitude: 55.751, longitude: 37.618 } } as GeolocationPosition),
    );
    seedUser({ location: { lat: 59.9343, lon: 30.3351 } }, { loggedIn: true });
    seedMaster({ user: { name: 'Мария' } });
    renderApp('/masters');

    expect(await screen.findByRole('link', { name: 'Мария' })).toBeInTheDocument();
    expect(screen.getByTestId('search-origin')).toHaveTextContent('Рядом с вами');
    expect(mdb.calls.searches.at(-1)!.get('lat')).toBe('55.751');
  });

  it('filters by category and rating and sorts, keeping the filters in the URL', async () => {
    seedUser({}, { loggedIn: true });
    seedMaster({ user: { name: 'Мария' }, services: [{ price_minor: 300_000 }] });
    seedMaster({
      user: { name: 'Ольга' },
      category_ids: [HAIRCUT_ID],
      services: [{ name: 'Стрижка', category_id: HAIRCUT_ID, price_minor: 100_000 }],
    });
    const { user } = renderApp('/masters');

    await screen.findByRole('link', { name: 'Ольга' });
    expect(screen.getAllByTestId('master-card')).toHaveLength(2);

    await user.selectOptions(screen.getByLabelText('Сортировка'), 'price');
    await waitFor(() => expect(mdb.calls.searches.at(-1)!.get('sort')).toBe('price'));
    await waitFor(() =>
      expect(screen.getAllByTestId('master-card-link').map((a) => a.textContent)).toEqual(['Ольга', 'Мария']),
    );

    await user.selectOptions(screen.getByLabelText('Категория'), MANICURE_ID);
    await waitFor(() => expect(screen.getAllByTestId('master-card')).toHaveLength(1));
    expect(screen.getByRole('link', { name: 'Мария' })).toBeInTheDocument();
    expect(mdb.calls.searches.at(-1)!.get('category_id')).toBe(MANICURE_ID);

    await user.selectOptions(screen.getByLabelText('Рейтинг'), '4');
    await waitFor(() => expect(mdb.calls.searches.at(-1)!.get('min_rating')).toBe('4'));
    expect(await screen.findByTestId('masters-empty')).toHaveTextContent('Никого не нашли');
    expect(window.location.search).toContain(`category=${MANICURE_ID}`);
    expect(window.location.search).toContain('sort=price');
  });

  it('toggles a favourite with the heart', async () => {
    seedUser({}, { loggedIn: true });
    const { master } = seedMaster({ user: { name: 'Мария' } });
    const { user } = renderApp('/masters');

    const heart = await screen.findByRole('button', { name: 'Добавить Мария в избранное' });
    expect(heart).toHaveAttribute('aria-pressed', 'false');
    await user.click(heart);
    await waitFor(() => expect(screen.getByTestId('favorite-toggle')).toHaveAttribute('aria-pressed', 'true'));
    expect([...mdb.favorites.values()][0]).toEqual([master.id]);

    await user.click(screen.getByRole('button', { name: 'Убрать Мария из избранного' }));
    await waitFor(() => expect(screen.getByTestId('favorite-toggle')).toHaveAttribute('aria-pressed', 'false'));
    expect([...mdb.favorites.values()][0]).toEqual([]);
  });

  it('shows client navigation without the workspace, and with it for masters', async () => {
    seedUser({}, { loggedIn: true });
    const { unmount } = renderApp('/masters');
    const nav = await screen.findByRole('navigation', { name: 'Разделы' });
    await waitFor(() =>
      expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual([
        'Лента',
        'Поиск',
        'Мои записи',
        'Избранное',
        'Сообщения',
        'Профиль',
      ]),
    );
    expect(within(nav).getByRole('link', { name: 'Поиск' })).toHaveAttribute('aria-current', 'page');
    unmount();
    window.localStorage.clear();

    seedUser({ email: 'm@example.com', role: 'master' }, { loggedIn: true });
    renderApp('/masters');
    const masterNav = await screen.findByRole('navigation', { name: 'Разделы' });
    await waitFor(() => expect(within(masterNav).getByRole('link', { name: 'Кабинет' })).toHaveAttribute('href', '/workspace'));
    expect(within(masterNav).getByRole('link', { name: 'Новый пост' })).toHaveAttribute('href', '/posts/new');
  });
});
