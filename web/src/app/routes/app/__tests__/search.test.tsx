import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installIntersectionObserver } from '@/testing/intersection-observer';
import { HAIRCUT_ID, MANICURE_ID, mdb, seedMaster } from '@/testing/mocks/marketplace-db';
import { seedPost } from '@/testing/mocks/posts-db';
import { lastSearch, sdb } from '@/testing/mocks/search-db';
import { plainSpaces, renderApp, seedUser } from '@/testing/test-utils';

let io: ReturnType<typeof installIntersectionObserver>;
beforeEach(() => {
  io = installIntersectionObserver();
});
afterEach(() => io.uninstall());

/** The route's chunk loads on first use, which a busy machine can make slow. */
const pageLoaded = () => screen.findByTestId('search-filters', {}, { timeout: 10_000 });
const urlParams = () => Object.fromEntries(new URLSearchParams(window.location.search));
const masterNames = () => screen.queryAllByTestId('master-card-link').map((a) => a.textContent);

function seedReview(masterId: string, rating: number) {
  const id = `review-${mdb.reviews.size + 1}`;
  mdb.reviews.set(id, {
    id,
    booking_id: id,
    master_id: masterId,
    author: { id: 'u', name: 'U' },
    rating,
    text: null,
    reply: null,
    created_at: '2025-01-01T00:00:00Z',
    replied_at: null,
  });
}

describe('search results', () => {
  it('switches between masters, services and posts, each in the URL and the request', async () => {
    seedUser({}, { loggedIn: true });
    const { user: author } = seedMaster({ user: { name: 'Мария' }, services: [{ name: 'Маникюр с покрытием' }] });
    seedPost(author, { text: 'Свежий маникюр к весне', category_id: MANICURE_ID });
    const { user } = renderApp('/search?q=маникюр');
    await pageLoaded();

    await waitFor(() => expect(masterNames()).toEqual(['Мария']));
    expect(lastSearch().get('type')).toBe('masters');
    expect(screen.getByTestId('page-title')).toHaveTextContent('Поиск: маникюр');

    await user.click(screen.getByRole('tab', { name: 'Услуги' }));
    const hit = await screen.findByTestId('service-hit');
    expect(urlParams()).toEqual({ q: 'маникюр', type: 'services' });
    expect(lastSearch().get('type')).toBe('services');
    expect(within(hit).getByTestId('service-hit-name')).toHaveTextContent('Маникюр с покрытием');
    expect(plainSpaces(within(hit).getByTestId('service-hit-price').textContent)).toBe('1 500 ₽');
    expect(within(hit).getByTestId('service-hit-master')).toHaveTextContent('Мастер: Мария');

    await user.click(screen.getByRole('tab', { name: 'Публикации' }));
    const post = await screen.findByTestId('post-hit');
    expect(lastSearch().get('type')).toBe('posts');
    expect(within(post).getByTestId('post-card')).toBeInTheDocument();
    expect(within(post).getByTestId('post-hit-excerpt').querySelector('mark')).toHaveTextContent('маникюр');
    // Posts have no price, rating or day filters.
    expect(screen.queryByTestId('filter-price')).not.toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Публикации' })).toHaveAttribute('aria-selected', 'true');
  });

  it('filters change the URL (a step of history each) and the request; counts come from the facets', async () => {
    seedUser({}, { loggedIn: true });
    const cheap = seedMaster({ user: { name: 'Дешёвая' }, services: [{ price_minor: 80_000 }] });
    const mid = seedMaster({ user: { name: 'Средняя' }, services: [{ price_minor: 150_000 }] });
    seedMaster({
      user: { name: 'Стилист' },
      category_ids: [HAIRCUT_ID],
      services: [{ name: 'Стрижка', category_id: HAIRCUT_ID, price_minor: 600_000 }],
    });
    seedReview(cheap.master.id, 5);
    seedReview(mid.master.id, 4);
    const { user } = renderApp('/search');

    await pageLoaded();
    await waitFor(() => expect(masterNames()).toHaveLength(3));
    // Facet counts on the chips and in the category list.
    const price = screen.getByTestId('filter-price');
    expect(plainSpaces(within(price).getByTestId('filter-price-0-100000').closest('label')!.textContent)).toBe('до 1 000 ₽ 1');
    expect(plainSpaces(within(price).getByTestId('filter-price-500000-').closest('label')!.textContent)).toBe('от 5 000 ₽ 1');
    expect(within(price).getByTestId('filter-price-200000-350000')).toBeDisabled();
    const rating = screen.getByTestId('filter-rating');
    expect(within(rating).getByTestId('filter-rating-4.5').closest('label')).toHaveTextContent('от 4,5 1');
    expect(within(rating).getByTestId('filter-rating-4').closest('label')).toHaveTextContent('от 4,0 2');
    expect(within(screen.getByLabelText('Категория')).getByRole('option', { name: 'Маникюр (2)' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Категория'), MANICURE_ID);
    await waitFor(() => expect(lastSearch().get('category_id')).toBe(MANICURE_ID));
    await waitFor(() => expect(masterNames()).toEqual(['Дешёвая', 'Средняя']));
    expect(urlParams()).toEqual({ category: MANICURE_ID });
    // Its own facet still counts the other categories.
    expect(within(screen.getByLabelText('Категория')).getByRole('option', { name: 'Стрижка (1)' })).toBeInTheDocument();

    await user.click(screen.getByTestId('filter-price-100000-200000'));
    await waitFor(() => expect(masterNames()).toEqual(['Средняя']));
    expect(lastSearch().get('price_min')).toBe('100000');
    expect(lastSearch().get('price_max')).toBe('199999');
    expect(urlParams()).toEqual({ category: MANICURE_ID, price: '100000-200000' });

    // Nothing in this category and price is rated 4.5 or more: that chip cannot be chosen.
    expect(screen.getByTestId('filter-rating-4.5')).toBeDisabled();
    await user.click(screen.getByTestId('filter-rating-4'));
    await waitFor(() => expect(lastSearch().get('min_rating')).toBe('4'));
    expect(masterNames()).toEqual(['Средняя']);

    // Nobody is free today (the server would say who is).
    await user.selectOptions(screen.getByLabelText('Свободное время'), 'today');
    await waitFor(() => expect(lastSearch().get('available')).toBe('today'));
    expect(await screen.findByTestId('search-empty')).toHaveTextContent('Ничего не нашлось');
    expect(screen.getByTestId('search-empty')).toHaveTextContent('Попробуйте убрать часть фильтров.');

    // Back undoes one filter at a time.
    window.history.back();
    await waitFor(() => expect(urlParams()).toEqual({ category: MANICURE_ID, price: '100000-200000', rating: '4' }));
    await waitFor(() => expect(masterNames()).toEqual(['Средняя']));
  });

  it('sorts, limits the distance from the known point, and resets the filters', async () => {
    seedUser({}, { loggedIn: true });
    seedMaster({ user: { name: 'Мария' } });
    const { user } = renderApp(`/search?category=${MANICURE_ID}&available=today`);

    await pageLoaded();
    await waitFor(() => expect(lastSearch().get('available')).toBe('today'));
    await user.selectOptions(screen.getByLabelText('Сортировка'), 'rating');
    await waitFor(() => expect(lastSearch().get('sort')).toBe('rating'));
    await user.selectOptions(screen.getByLabelText('Расстояние'), '5');
    await waitFor(() => expect(lastSearch().get('radius_km')).toBe('5'));
    expect(lastSearch().get('lat')).toBe('55.7558');
    expect(screen.getByLabelText('Расстояние')).toHaveAccessibleDescription('Рядом с центром Москвы');
    expect(urlParams()).toEqual({ category: MANICURE_ID, available: 'today', sort: 'rating', radius: '5' });

    await user.click(screen.getByTestId('reset-filters'));
    await waitFor(() => expect(urlParams()).toEqual({ sort: 'rating' }));
  });

  it('shows the next free slot when free on a day is asked', async () => {
    seedUser({}, { loggedIn: true });
    const { master } = seedMaster({ user: { name: 'Мария' } });
    sdb.freeSlots.set(master.id, { start_at: '2025-03-12T11:30:00Z', local_start: '2025-03-12T14:30' });
    renderApp('/search?available=2025-03-12');
    await pageLoaded();

    expect(await screen.findByTestId('search-free-slot')).toHaveTextContent('Свободно 12 марта в 14:30');
    expect(lastSearch().get('available')).toBe('2025-03-12');
    expect(screen.getByLabelText('День')).toHaveValue('2025-03-12');
  });

  it('says which query it showed when the typed one found nothing', async () => {
    seedUser({}, { loggedIn: true });
    seedMaster({ user: { name: 'Мария' } });
    sdb.corrections.set('vfybrn', 'маникюр');
    renderApp('/search?q=vfybrn');
    await pageLoaded();

    expect(await screen.findByTestId('search-corrected')).toHaveTextContent('Показаны результаты по запросу «маникюр»');
    expect(screen.getByTestId('search-corrected')).toHaveTextContent('По запросу «vfybrn» ничего не нашлось.');
    expect(masterNames()).toEqual(['Мария']);
  });

  it('suggests example queries and categories when nothing is found', async () => {
    seedUser({}, { loggedIn: true });
    seedMaster();
    const { user } = renderApp('/search?q=зззз');
    await pageLoaded();

    const empty = await screen.findByTestId('search-empty');
    expect(empty).toHaveTextContent('По запросу «зззз» ничего не нашлось');
    const categories = within(screen.getByTestId('search-popular-categories')).getAllByRole('link');
    expect(categories.map((a) => a.textContent)).toEqual(['Ногти', 'Волосы', 'Массаж']);
    await user.click(within(screen.getByTestId('search-examples')).getByRole('link', { name: 'маникюр' }));
    await waitFor(() => expect(urlParams()).toEqual({ q: 'маникюр' }));
    await screen.findByTestId('master-card');
  });

  it('marks the matched words and keeps everything else as text', async () => {
    seedUser({}, { loggedIn: true });
    seedMaster({ user: { name: 'Анна <img src=x onerror=alert(1)> & Co' } });
    renderApp('/search?q=анна');
    await pageLoaded();

    const name = await screen.findByTestId('master-hit-name');
    expect(name.querySelector('mark')).toHaveTextContent(/^Анна$/);
    expect(name).toHaveTextContent('Анна <img src=x onerror=alert(1)> & Co');
    expect(name.querySelector('img')).toBeNull();
    expect(screen.getByTestId('master-card-link')).toContainElement(name);
  });

  it('loads the next pages as the end comes into sight, each master once', async () => {
    seedUser({}, { loggedIn: true });
    for (let i = 1; i <= 25; i += 1) seedMaster({ user: { name: `Мастер ${i}` } });
    renderApp('/search');
    await pageLoaded();

    await waitFor(() => expect(masterNames()).toHaveLength(20));
    expect(screen.getByTestId('search-total')).toHaveTextContent('Найдено: 25');
    io.scrollIntoView();
    await waitFor(() => expect(masterNames()).toHaveLength(25));
    expect(new Set(masterNames()).size).toBe(25);
    expect(lastSearch().get('cursor')).toBe('20');
    expect(screen.getByTestId('search-end')).toBeInTheDocument();
    expect(screen.queryByTestId('search-more')).not.toBeInTheDocument();
  });

  it('shows a skeleton while loading and the problem when the search fails', async () => {
    seedUser({}, { loggedIn: true });
    sdb.failure = { status: 503, code: 'service_unavailable', title: 'Service Unavailable' };
    renderApp('/search?q=маникюр');

    expect(await screen.findByTestId('search-skeleton')).toBeInTheDocument();
    const alert = await screen.findByTestId('search-error');
    expect(alert).toHaveTextContent('Сервис временно недоступен');
    expect(alert).toHaveTextContent('Повторить');
  });
});
