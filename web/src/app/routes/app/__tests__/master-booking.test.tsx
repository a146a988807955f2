import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API } from '@/testing/mocks/handlers';
import { ruDate, testDay, testInstant, TEST_NOW } from '@/testing/dates';
import { bookedSlots, freeSlots } from '@/testing/fixtures/recorded-slots';
import { mdb, seedBooking, seedMaster, seedSlots } from '@/testing/mocks/marketplace-db';
import { server } from '@/testing/mocks/server';
import { freezeDate, plainSpaces, renderApp, seedUser, waitForPath } from '@/testing/test-utils';

// NOW is a Wednesday, 12:00 in Moscow (UTC+3).
const NOW = TEST_NOW;

afterEach(() => {
  vi.useRealTimers();
});

async function openFirstService(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Выбрать услугу «Маникюр с покрытием»' }));
  return screen.findByTestId('slot-picker');
}

describe('master page and booking', () => {
  it('shows the portfolio header, services with price and duration, and reviews', async () => {
    freezeDate(NOW);
    seedUser({}, { loggedIn: true });
    const { master, services } = seedMaster({ user: { name: 'Мария' }, bio: 'Десять лет опыта' });
    const client = seedUser({ email: 'old@example.com', name: 'Ирина' });
    const past = seedBooking({ client, master, service: services[0]!, start: testInstant(-23, '10:00'), status: 'completed' });
    mdb.reviews.set('r1', {
      id: 'r1',
      booking_id: past.id,
      master_id: master.id,
      author: { id: client.id, name: 'Ирина', avatar_url: '/media/a1/thumb.webp' },
      rating: 5,
      text: 'Отлично!',
      reply: 'Спасибо!',
      created_at: testInstant(-22, '13:00'),
      replied_at: testInstant(-22, '14:00'),
    });
    renderApp(`/masters/${master.id}`);

    expect(await screen.findByTestId('master-name')).toHaveTextContent('Мария');
    expect(screen.getByTestId('master-bio')).toHaveTextContent('Десять лет опыта');
    expect(screen.getByTestId('master-rating')).toHaveAccessibleName('Рейтинг 5,0 из 5, отзывов: 1');
    expect(screen.getByTestId('master-place')).toHaveTextContent('Москва, ул. Тверская, 1');
    const item = screen.getByTestId('service-item');
    expect(plainSpaces(within(item).getByTestId('service-price').textContent)).toBe('1 500 ₽');
    expect(within(item).getByTestId('service-duration')).toHaveTextContent('1 ч 30 мин');
    const review = await screen.findByTestId('review');
    expect(review).toHaveTextContent('Ирина');
    expect(within(review).getByRole('link', { name: 'Ирина' })).toHaveAttribute('href', `/users/${client.id}`);
    expect(within(review).getByTestId('avatar-image')).toHaveAttribute('src', '/media/a1/thumb.webp');
    expect(review).toHaveTextContent('Отлично!');
    expect(within(review).getByTestId('review-reply')).toHaveTextContent('Спасибо!');
  });

  it('books a free slot with a comment through the confirmation screen', async () => {
    freezeDate(NOW);
    seedUser({ name: 'Анна' }, { loggedIn: true });
    const { master, services } = seedMaster({ user: { name: 'Мария' } });
    // What the server answers for Mon–Fri 10–19, 90 minutes, 2 hours' notice, at NOW.
    seedSlots(services[0]!, freeSlots);
    const { user } = renderApp(`/masters/${master.id}`);

    const picker = await openFirstService(user);
    // Today (Wednesday) from 14:00 (two hours' notice), in Moscow time.
    const first = await within(picker).findAllByTestId('slot');
    expect(first[0]).toHaveTextContent('14:00');
    expect(within(picker).getByTestId(`slot-day-${testDay(0)}`)).toHaveAttribute('aria-pressed', 'true');
    // Saturday is a day off.
    expect(within(picker).getByTestId(`slot-day-${testDay(3)}`)).toBeDisabled();

    await user.click(within(picker).getByTestId(`slot-day-${testDay(1)}`));
    const times = within(picker).getAllByTestId('slot');
    expect(times[0]).toHaveTextContent('10:00');
    await user.click(times[0]!);

    await waitForPath(`/masters/${master.id}/book`);
    expect(await screen.findByTestId('summary-when')).toHaveTextContent(ruDate(testDay(1)));
    expect(screen.getByTestId('summary-when')).toHaveTextContent('10:00');
    expect(plainSpaces(screen.getByTestId('summary-price').textContent)).toBe('1 500 ₽');
    expect(screen.getByTestId('summary-master')).toHaveTextContent('Мария');

    await user.type(screen.getByLabelText('Комментарий для мастера (необязательно)'), 'Френч, пожалуйста');
    await user.click(screen.getByRole('button', { name: 'Записаться' }));

    expect(await screen.findByTestId('booked')).toHaveTextContent('Вы записаны!');
    expect(window.location.pathname).toMatch(/^\/bookings\//);
    expect(screen.getByTestId('booking-status')).toHaveTextContent('Ждёт подтверждения');
    expect(screen.getByTestId('booking-comment')).toHaveTextContent('Френч, пожалуйста');
    const [booking] = [...mdb.bookings.values()];
    expect(booking!.start_at).toBe(testInstant(1, '10:00'));
    expect(mdb.calls.bookingKeys).toHaveLength(1);
    expect(mdb.calls.bookingKeys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('retries a booking whose response was lost with the same Idempotency-Key and books once', async () => {
    freezeDate(NOW);
    seedUser({}, { loggedIn: true });
    const { master, services } = seedMaster();
    seedSlots(services[0]!, freeSlots);
    let dropped = false;
    server.use(
      http.post(`${API}/bookings`, async ({ request }) => {
        if (dropped) return undefined;
        dropped = true;
        // The server books, then the connection drops before the answer arrives.
        await fetch(request.url, { method: 'POST', headers: request.headers, body: await request.text() });
        return HttpResponse.error();
      }),
    );
    const start = testInstant(1, '10:00');
    const { user } = renderApp(`/masters/${master.id}/book?service=${services[0]!.id}&start=${start}`);

    await user.click(await screen.findByRole('button', { name: 'Записаться' }));
    expect(await screen.findByTestId('booking-error')).toHaveTextContent('Нет связи с сервером');
    await user.click(screen.getByRole('button', { name: 'Записаться' }));

    expect(await screen.findByTestId('booked')).toBeInTheDocument();
    expect(mdb.bookings.size).toBe(1);
    expect(mdb.calls.bookingKeys).toHaveLength(2);
    expect(mdb.calls.bookingKeys[0]).toBe(mdb.calls.bookingKeys[1]);
  });

  it('explains a taken slot and leads back to the calendar', async () => {
    freezeDate(NOW);
    const other = seedUser({ email: 'other@example.com', name: 'Другая' });
    seedUser({}, { loggedIn: true });
    const { master, services } = seedMaster();
    const start = testInstant(1, '10:00');
    seedBooking({ client: other, master, service: services[0]!, start });
    // The server's answer once that booking exists.
    seedSlots(services[0]!, bookedSlots);
    const { user } = renderApp(`/masters/${master.id}/book?service=${services[0]!.id}&start=${start}`);

    await user.click(await screen.findByRole('button', { name: 'Записаться' }));
    expect(await screen.findByTestId('booking-error')).toHaveTextContent('Это время уже заняли');
    await user.click(screen.getByTestId('pick-another'));
    await waitForPath(`/masters/${master.id}`);
    const picker = await screen.findByTestId('slot-picker');
    await user.click(within(picker).getByTestId(`slot-day-${testDay(1)}`));
    // 10:00 is gone; 11:30 (after the 90-minute booking) is the first free time.
    expect(within(picker).getAllByTestId('slot')[0]).toHaveTextContent('11:30');
  });

  it('adds the master to favourites from the page', async () => {
    seedUser({}, { loggedIn: true });
    const { master } = seedMaster({ user: { name: 'Мария' } });
    const { user } = renderApp(`/masters/${master.id}`);

    await user.click(await screen.findByRole('button', { name: 'Добавить Мария в избранное' }));
    await waitFor(() => expect(screen.getByTestId('favorite-toggle')).toHaveAttribute('aria-pressed', 'true'));

    await user.click(screen.getByRole('link', { name: 'Избранное' }));
    await waitForPath('/favorites');
    expect(await screen.findByRole('link', { name: 'Мария' })).toBeInTheDocument();
  });

  it('shows "not found" for an unknown master', async () => {
    seedUser({}, { loggedIn: true });
    renderApp('/masters/20000000-0000-4000-8000-999999999999');
    expect(await screen.findByTestId('master-error')).toHaveTextContent('Мастер не найден');
  });

  it('switches prices and durations to English', async () => {
    seedUser({}, { loggedIn: true });
    const { master } = seedMaster();
    const { user } = renderApp(`/masters/${master.id}`);
    await screen.findByTestId('service-item');
    await user.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('service-duration')).toHaveTextContent('1 h 30 min');
    expect(plainSpaces(screen.getByTestId('service-price').textContent)).toBe('₽1,500');
    expect(screen.getByRole('heading', { name: 'Services and prices' })).toBeInTheDocument();
  });
});
