import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API, problem } from '@/testing/mocks/handlers';
import { mdb, seedBooking, seedMaster, MANICURE_ID } from '@/testing/mocks/marketplace-db';
import { server } from '@/testing/mocks/server';
import { ruDate, testDay, testInstant, TEST_NOW } from '@/testing/dates';
import { freezeDate, plainSpaces, renderApp, seedUser, waitForPath } from '@/testing/test-utils';
import { issueTokens, publicUser } from '@/testing/mocks/db';
import { sessionFromAuthResponse, setSession } from '@/lib/token-store';

// A Wednesday, 12:00 in Moscow.
const NOW = TEST_NOW;

afterEach(() => {
  vi.useRealTimers();
});

/** A seeded master, logged in. */
function loginMaster(...args: Parameters<typeof seedMaster>) {
  const seeded = seedMaster(...args);
  setSession(sessionFromAuthResponse({ user: publicUser(seeded.user), ...issueTokens(seeded.user.id) }));
  return seeded;
}

describe('master workspace', () => {
  it('is for masters only', async () => {
    seedUser({}, { loggedIn: true });
    renderApp('/workspace');
    expect(await screen.findByTestId('workspace-forbidden')).toHaveTextContent('Кабинет доступен только мастерам');
  });

  it('creates the master profile first', async () => {
    seedUser({ role: 'master', name: 'Мария Иванова' }, { loggedIn: true });
    const { user } = renderApp('/workspace');

    expect(await screen.findByRole('heading', { name: 'Профиль мастера' })).toBeInTheDocument();
    expect(screen.getByLabelText('Имя для клиентов')).toHaveValue('Мария Иванова');
    await user.click(screen.getByRole('button', { name: 'Создать профиль' }));
    expect(screen.getByTestId('error-category_ids')).toHaveTextContent('Выберите хотя бы одну категорию');
    expect(screen.getByTestId('error-lat')).toHaveTextContent('Укажите координаты или адрес');

    await user.click(await screen.findByRole('checkbox', { name: 'Маникюр' }));
    await user.type(screen.getByLabelText('Город'), 'Москва');
    await user.type(screen.getByLabelText('Адрес'), 'ул. Тверская, 1');
    await user.type(screen.getByLabelText('Широта'), '55,7601');
    await user.type(screen.getByLabelText('Долгота'), '37.6186');
    await user.selectOptions(screen.getByLabelText('Часовой пояс'), 'Asia/Yekaterinburg');
    await user.click(screen.getByLabelText('Подтверждать записи автоматически'));
    const notice = screen.getByLabelText('Минимум до визита, мин');
    await user.clear(notice);
    await user.type(notice, '60');
    await user.click(screen.getByRole('button', { name: 'Создать профиль' }));

    await waitFor(() => expect(screen.getByRole('link', { name: 'Записи' })).toBeInTheDocument());
    await waitForPath('/workspace/bookings');
    expect(mdb.calls.profilePuts).toEqual([
      {
        display_name: 'Мария Иванова',
        bio: '',
        category_ids: [MANICURE_ID],
        address: 'ул. Тверская, 1',
        city: 'Москва',
        location: { lat: 55.7601, lon: 37.6186 },
        timezone: 'Asia/Yekaterinburg',
        booking_rules: {
          min_notice_min: 60,
          horizon_days: 60,
          slot_step_min: 15,
          buffer_min: 0,
          auto_confirm: true,
          max_per_day: null,
        },
      },
    ]);
  });

  it('shows server validation errors next to the fields', async () => {
    server.use(
      http.put(`${API}/masters/me`, () =>
        problem(422, 'validation_failed', 'Validation failed', {
          errors: [
            { field: 'booking_rules.slot_step_min', message: 'must be between 5 and 240' },
            { field: 'location.lon', message: 'out of range' },
          ],
        }),
      ),
    );
    loginMaster();
    const { user } = renderApp('/workspace/profile');
    await user.click(await screen.findByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByTestId('error-slot_step_min')).toHaveTextContent('must be between 5 and 240');
    expect(screen.getByTestId('error-lon')).toHaveTextContent('out of range');
  });

  it('adds, edits, hides and restores services; prices are typed in roubles and stored in kopecks', async () => {
    loginMaster({ services: [] });
    const { user } = renderApp('/workspace/services');

    expect(await screen.findByTestId('services-empty')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Добавить услугу' }));
    const form = screen.getByTestId('service-form');
    await user.type(within(form).getByLabelText('Название'), 'Маникюр');
    await user.type(within(form).getByLabelText('Цена, ₽'), '1 500,50');
    expect(plainSpaces(within(form).getByText(/₽$/, { selector: '.field__hint' }).textContent)).toBe('1 500,50 ₽');
    await user.selectOptions(within(form).getByLabelText('Длительность'), '90');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));

    const item = await screen.findByTestId('my-service');
    expect(plainSpaces(item.textContent)).toContain('1 500,50 ₽');
    expect(item).toHaveTextContent('1 ч 30 мин');
    expect(mdb.calls.servicePosts).toEqual([
      {
        name: 'Маникюр',
        description: '',
        category_id: MANICURE_ID,
        price_minor: 150_050,
        currency: 'RUB',
        duration_min: 90,
      },
    ]);

    await user.click(within(item).getByRole('button', { name: 'Изменить' }));
    const price = screen.getByLabelText('Цена, ₽');
    expect(price).toHaveValue('1500,5');
    await user.clear(price);
    await user.type(price, '2000');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(plainSpaces(screen.getByTestId('my-service').textContent)).toContain('2 000 ₽'));
    expect(mdb.calls.servicePatches).toEqual([{ price_minor: 200_000 }]);

    await user.click(within(screen.getByTestId('my-service')).getByRole('button', { name: 'Скрыть' }));
    expect(await within(screen.getByTestId('my-service')).findByText('скрыта')).toBeInTheDocument();
    await user.click(within(screen.getByTestId('my-service')).getByRole('button', { name: 'Вернуть' }));
    await waitFor(() => expect(within(screen.getByTestId('my-service')).queryByText('скрыта')).not.toBeInTheDocument());
    expect(mdb.calls.servicePatches.at(-1)).toEqual({ active: true });
  });

  it('validates a service on the client', async () => {
    loginMaster({ services: [] });
    const { user } = renderApp('/workspace/services');
    await user.click(await screen.findByRole('button', { name: 'Добавить услугу' }));
    await user.type(screen.getByLabelText('Цена, ₽'), '15.555');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(screen.getByTestId('error-name')).toHaveTextContent('Название — от 1 до 100 символов');
    expect(screen.getByTestId('error-price')).toHaveTextContent('Введите цену в рублях');
    expect(mdb.calls.servicePosts).toEqual([]);
  });

  it('edits the weekly schedule with breaks and days off', async () => {
    loginMaster({ weekly: [{ weekday: 1, start: '10:00', end: '19:00' }] });
    const { user } = renderApp('/workspace/schedule');

    expect(await screen.findByTestId('schedule-timezone')).toHaveTextContent('Europe/Moscow');
    const monday = screen.getByTestId('weekday-1');
    expect(within(monday).getByLabelText('понедельник: начало интервала 1')).toHaveValue('10:00');
    expect(within(screen.getByTestId('weekday-6')).getByText('Выходной')).toBeInTheDocument();

    // Monday: 10–14, a break, then 15–19.
    fireEvent.change(within(monday).getByLabelText('понедельник: конец интервала 1'), { target: { value: '14:00' } });
    await user.click(within(monday).getByRole('button', { name: '+ Интервал (после перерыва)' }));
    fireEvent.change(within(monday).getByLabelText('понедельник: начало интервала 2'), { target: { value: '13:00' } });
    fireEvent.change(within(monday).getByLabelText('понедельник: конец интервала 2'), { target: { value: '19:00' } });
    await user.click(screen.getByRole('button', { name: 'Сохранить расписание' }));
    expect(screen.getByTestId('weekday-1-error')).toHaveTextContent('Интервалы одного дня не должны пересекаться');
    expect(mdb.calls.schedulePuts).toEqual([]);

    fireEvent.change(within(monday).getByLabelText('понедельник: начало интервала 2'), { target: { value: '15:00' } });
    await user.click(screen.getByRole('button', { name: 'Как в понедельник — на все будни' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить расписание' }));

    await waitFor(() => expect(mdb.calls.schedulePuts).toHaveLength(1));
    const weekly = (mdb.calls.schedulePuts[0] as { weekly: unknown[] }).weekly;
    expect(weekly).toHaveLength(10);
    expect(weekly.slice(0, 2)).toEqual([
      { weekday: 1, start: '10:00', end: '14:00' },
      { weekday: 1, start: '15:00', end: '19:00' },
    ]);
    expect(await screen.findByTestId('toast')).toHaveTextContent('Расписание сохранено');
  });

  it('maps interval errors from the server to their days', async () => {
    server.use(
      http.put(`${API}/masters/me/schedule`, () =>
        problem(422, 'validation_failed', 'Validation failed', {
          errors: [
            { field: 'weekly[1].start', message: 'overlaps' },
            // The C++ server names the day instead of the index.
            { field: 'weekly(weekday 1)', message: 'intervals of one day must not overlap' },
          ],
        }),
      ),
    );
    loginMaster({
      weekly: [
        { weekday: 1, start: '10:00', end: '19:00' },
        { weekday: 3, start: '10:00', end: '19:00' },
      ],
    });
    const { user } = renderApp('/workspace/schedule');
    await user.click(await screen.findByRole('button', { name: 'Сохранить расписание' }));
    expect(await screen.findByTestId('weekday-3-error')).toHaveTextContent('overlaps');
    expect(screen.getByTestId('weekday-1-error')).toHaveTextContent('intervals of one day must not overlap');
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();
  });

  it('adds a day off and special hours, and removes them', async () => {
    freezeDate(NOW);
    const { master } = loginMaster();
    const { user } = renderApp('/workspace/schedule');

    const form = await screen.findByTestId('exception-form');
    fireEvent.change(within(form).getByLabelText('Дата'), { target: { value: testDay(5) } });
    await user.click(within(form).getByRole('button', { name: 'Сохранить день' }));
    const item = await screen.findByTestId('exception');
    expect(item).toHaveTextContent(ruDate(testDay(5), { year: false }));
    expect(item).toHaveTextContent('Выходной');
    expect(mdb.exceptions.get(master.id)?.get(testDay(5))).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Дата'), { target: { value: testDay(6) } });
    await user.click(within(form).getByRole('radio', { name: 'Особые часы' }));
    await user.click(within(form).getByRole('button', { name: 'Сохранить день' }));
    await waitFor(() => expect(screen.getAllByTestId('exception')).toHaveLength(2));
    expect(screen.getAllByTestId('exception')[1]).toHaveTextContent('10:00–16:00');

    await user.click(screen.getByRole('button', { name: new RegExp(`Удалить особый день .*${ruDate(testDay(5), { year: false })}`) }));
    await waitFor(() => expect(screen.getAllByTestId('exception')).toHaveLength(1));
    expect(mdb.exceptions.get(master.id)?.has(testDay(5))).toBe(false);

    fireEvent.change(within(form).getByLabelText('Дата'), { target: { value: testDay(-23) } });
    await user.click(within(form).getByRole('button', { name: 'Сохранить день' }));
    expect(screen.getByTestId('exception-error')).toHaveTextContent('Дата уже прошла');
  });

  it('confirms new bookings, and completes or marks no-shows after the start', async () => {
    freezeDate(NOW);
    const { master, services } = loginMaster();
    const client = seedUser({ email: 'client@example.com', name: 'Анна' });
    const future = seedBooking({ client, master, service: services[0]!, start: testInstant(1, '10:00'), comment: 'Френч' });
    const started = seedBooking({
      client,
      master,
      service: services[0]!,
      start: testInstant(0, '10:00'),
      status: 'confirmed',
    });
    const { user } = renderApp('/workspace');

    await waitForPath('/workspace/bookings');
    const card = await screen.findByTestId('booking-card');
    expect(card).toHaveAttribute('data-booking-id', future.id);
    expect(within(card).getByTestId('booking-client')).toHaveTextContent('Клиент: Анна');
    // Times in the master's zone: 07:00 UTC is 10:00 in Moscow.
    expect(within(card).getByTestId('booking-when')).toHaveTextContent('10:00');
    await user.click(within(card).getByRole('button', { name: 'Подтвердить' }));
    await waitFor(() => expect(mdb.bookings.get(future.id)!.status).toBe('confirmed'));
    expect(await screen.findByTestId('bookings-empty')).toHaveTextContent('Новых записей нет');

    await user.click(screen.getByRole('tab', { name: 'Прошедшие' }));
    const past = await screen.findByTestId('booking-card');
    expect(past).toHaveAttribute('data-booking-id', started.id);
    await user.click(within(past).getByRole('button', { name: 'Состоялась' }));
    await waitFor(() => expect(mdb.bookings.get(started.id)!.status).toBe('completed'));
    await waitFor(() => expect(within(screen.getByTestId('booking-card')).getByTestId('booking-status')).toHaveTextContent('Состоялась'));
    expect(within(screen.getByTestId('booking-card')).queryByRole('button', { name: 'Не пришёл' })).not.toBeInTheDocument();
  });

  it('shows a translated message for an illegal transition', async () => {
    freezeDate(NOW);
    server.use(
      http.post(`${API}/bookings/:id/confirm`, () => problem(409, 'invalid_transition', 'Conflict')),
    );
    const { master, services } = loginMaster();
    const client = seedUser({ email: 'client@example.com' });
    seedBooking({ client, master, service: services[0]!, start: testInstant(1, '10:00') });
    const { user } = renderApp('/workspace/bookings');
    await user.click(await screen.findByRole('button', { name: 'Подтвердить' }));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Это действие сейчас недоступно');
  });

  it('lets the master answer a review on the public page', async () => {
    const { master, services } = loginMaster();
    const client = seedUser({ email: 'client@example.com', name: 'Анна' });
    const b = seedBooking({ client, master, service: services[0]!, start: testInstant(-23, '10:00'), status: 'completed' });
    mdb.reviews.set('r1', {
      id: 'r1',
      booking_id: b.id,
      master_id: master.id,
      author: { id: client.id, name: 'Анна' },
      rating: 4,
      text: 'Хорошо',
      reply: null,
      created_at: testInstant(-22, '13:00'),
      replied_at: null,
    });
    const { user } = renderApp(`/masters/${master.id}`);

    await user.click(await screen.findByRole('button', { name: 'Ответить' }));
    await user.type(screen.getByLabelText('Ваш ответ'), 'Спасибо, ждём снова!');
    await user.click(screen.getByRole('button', { name: 'Опубликовать ответ' }));
    expect(await screen.findByTestId('review-reply')).toHaveTextContent('Спасибо, ждём снова!');
    // No heart and no booking on one's own page.
    expect(screen.queryByTestId('favorite-toggle')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Выбрать услугу/ })).not.toBeInTheDocument();
  });
});
