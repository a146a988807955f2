import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ruDate, testDay, testInstant, TEST_NOW } from '@/testing/dates';
import { bookedSlots } from '@/testing/fixtures/recorded-slots';
import { mdb, seedBooking, seedMaster, seedSlots } from '@/testing/mocks/marketplace-db';
import { freezeDate, renderApp, seedUser } from '@/testing/test-utils';

afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  // A Wednesday, 12:00 in Moscow; the browser (jsdom) runs in UTC.
  freezeDate(TEST_NOW);
  const client = seedUser({ name: 'Анна' }, { loggedIn: true });
  const { master, services } = seedMaster({ user: { name: 'Мария' } });
  const service = services[0]!;
  const upcoming = seedBooking({ client, master, service, start: testInstant(1, '10:00'), comment: 'Френч' });
  // The server's slots for this master (Mon–Fri 10–19) with that booking at 10:00 tomorrow.
  seedSlots(service, bookedSlots);
  const done = seedBooking({ client, master, service, start: testInstant(-14, '10:00'), status: 'completed' });
  const cancelled = seedBooking({
    client,
    master,
    service,
    start: testInstant(-19, '10:00'),
    status: 'cancelled',
    cancel_reason: 'Заболела',
  });
  return { client, master, service, upcoming, done, cancelled };
}

describe('my bookings', () => {
  it('splits bookings into upcoming and past', async () => {
    const { upcoming } = setup();
    const { user } = renderApp('/bookings');

    const card = await screen.findByTestId('booking-card');
    expect(card).toHaveAttribute('data-booking-id', upcoming.id);
    expect(within(card).getByTestId('booking-master')).toHaveTextContent('Мария');
    expect(within(card).getByTestId('booking-status')).toHaveTextContent('Ждёт подтверждения');
    expect(within(card).getByTestId('booking-when')).toHaveTextContent(ruDate(testDay(1)));
    // In the master's zone (Moscow, UTC+3), whatever the browser's zone is.
    await waitFor(() => expect(within(card).getByTestId('booking-when')).toHaveTextContent('10:00'));
    expect(within(card).getByTestId('booking-comment')).toHaveTextContent('Френч');

    await user.click(screen.getByRole('tab', { name: 'Прошедшие' }));
    await waitFor(() => expect(screen.getAllByTestId('booking-card')).toHaveLength(2));
    const [newest, oldest] = screen.getAllByTestId('booking-card');
    expect(within(newest!).getByTestId('booking-status')).toHaveTextContent('Состоялась');
    expect(within(oldest!).getByTestId('booking-cancel-reason')).toHaveTextContent('Заболела');
    expect(window.location.search).toBe('?tab=past');
  });

  it('cancels an upcoming booking with a reason', async () => {
    const { upcoming } = setup();
    const { user } = renderApp('/bookings');

    const card = await screen.findByTestId('booking-card');
    await user.click(within(card).getByRole('button', { name: 'Отменить' }));
    await user.type(within(card).getByLabelText('Причина отмены (необязательно)'), 'Не успеваю');
    await user.click(within(card).getByRole('button', { name: 'Отменить запись' }));

    await waitFor(() => expect(within(card).getByTestId('booking-status')).toHaveTextContent('Отменена'));
    expect(mdb.bookings.get(upcoming.id)!.status).toBe('cancelled');
    expect(mdb.bookings.get(upcoming.id)!.cancel_reason).toBe('Не успеваю');
    expect(await screen.findByTestId('toast')).toHaveTextContent('Запись отменена');
  });

  it('reschedules to another free slot', async () => {
    const { upcoming } = setup();
    const { user } = renderApp('/bookings');

    const card = await screen.findByTestId('booking-card');
    await user.click(within(card).getByRole('button', { name: 'Перенести' }));
    const picker = await within(card).findByTestId('slot-picker');
    await user.click(within(picker).getByTestId(`slot-day-${testDay(2)}`));
    await user.click(within(picker).getAllByTestId('slot')[2]!);
    await user.click(within(card).getByTestId('confirm-reschedule'));

    await waitFor(() => expect(mdb.bookings.get(upcoming.id)!.start_at).toBe(testInstant(2, '10:30')));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Запись перенесена');
  });

  it('leaves a review for a completed visit, once', async () => {
    const { done } = setup();
    const { user } = renderApp('/bookings?tab=past');

    await waitFor(() => expect(screen.getAllByTestId('booking-card')).toHaveLength(2));
    const card = screen.getAllByTestId('booking-card').find((c) => c.dataset.bookingId === done.id)!;
    await user.click(within(card).getByRole('button', { name: 'Оставить отзыв' }));
    await user.click(within(card).getByRole('button', { name: 'Отправить отзыв' }));
    expect(within(card).getByTestId('error-rating')).toHaveTextContent('Поставьте оценку от 1 до 5');

    await user.click(within(card).getByLabelText('4 из 5'));
    await user.type(within(card).getByLabelText('Отзыв (необязательно)'), 'Аккуратно и быстро');
    await user.click(within(card).getByRole('button', { name: 'Отправить отзыв' }));

    expect(await within(card).findByTestId('review-left')).toHaveTextContent('Отзыв оставлен');
    const [review] = [...mdb.reviews.values()];
    expect(review).toMatchObject({ booking_id: done.id, rating: 4, text: 'Аккуратно и быстро' });
    expect(within(card).queryByRole('button', { name: 'Оставить отзыв' })).not.toBeInTheDocument();
  });

  it('offers a link to the search when there is nothing upcoming', async () => {
    seedUser({}, { loggedIn: true });
    renderApp('/bookings');
    const empty = await screen.findByTestId('bookings-empty');
    expect(within(empty).getByRole('link', { name: 'Найти мастера' })).toHaveAttribute('href', '/masters');
  });
});
