import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { getSession } from '@/lib/token-store';
import { db, expireAllAccessTokens } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp, seedUser, waitForPath } from '@/testing/test-utils';

const MANICURE = '10000000-0000-4000-8000-000000000002';
const MASSAGE = '10000000-0000-4000-8000-000000000006';

describe('profile route', () => {
  it('redirects to login without a session', async () => {
    renderApp('/profile');
    await waitForPath('/login');
    expect(screen.getByRole('heading', { name: 'Вход' })).toBeInTheDocument();
  });

  it('shows the user with interests named in the current language', async () => {
    seedUser({ name: 'Анна', city: 'Казань', location: { lat: 55.7963, lon: 49.1088 }, interests: [MANICURE] }, { loggedIn: true });
    const { user } = renderApp('/profile');

    expect(await screen.findByTestId('profile-name')).toHaveTextContent('Анна');
    expect(screen.getByTestId('profile-city')).toHaveTextContent('Казань');
    expect(screen.getByTestId('profile-location')).toHaveTextContent('55.7963, 49.1088');
    expect(await within(screen.getByTestId('profile-interests')).findByText('Маникюр')).toBeInTheDocument();

    await user.click(screen.getByTestId('lang-en'));
    expect(screen.getByText('Manicure')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log out' })).toBeInTheDocument();
  });

  it('edits name, city, location and interests, sending only what changed', async () => {
    seedUser({ name: 'Анна', interests: [MANICURE] }, { loggedIn: true });
    const { user } = renderApp('/profile');

    await user.click(await screen.findByTestId('edit-profile'));
    await waitForPath('/profile/edit');
    const name = await screen.findByLabelText('Имя');
    await user.clear(name);
    await user.type(name, 'Анна Петрова');
    await user.type(screen.getByLabelText('Город'), '  Москва ');
    await user.type(screen.getByLabelText('Широта'), '55,7558');
    await user.type(screen.getByLabelText('Долгота'), '37.6173');
    await user.click(await screen.findByRole('checkbox', { name: 'Массаж' }));
    await user.click(screen.getByRole('checkbox', { name: 'Маникюр' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    await waitForPath('/profile');
    expect(await screen.findByTestId('profile-name')).toHaveTextContent('Анна Петрова');
    expect(screen.getByTestId('profile-city')).toHaveTextContent('Москва');
    expect(screen.getByTestId('profile-location')).toHaveTextContent('55.7558, 37.6173');
    expect(screen.getByTestId('toast')).toHaveTextContent('Профиль сохранён');
    expect(db.calls.patches).toEqual([
      { name: 'Анна Петрова', city: 'Москва', location: { lat: 55.7558, lon: 37.6173 }, interests: [MASSAGE] },
    ]);
  });

  it('clears city and location with null', async () => {
    seedUser({ city: 'Казань', location: { lat: 1, lon: 2 } }, { loggedIn: true });
    const { user } = renderApp('/profile/edit');

    await user.clear(await screen.findByLabelText('Город'));
    await user.click(screen.getByTestId('clear-location'));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    await waitForPath('/profile');
    expect(db.calls.patches).toEqual([{ city: null, location: null }]);
    expect(await screen.findByTestId('profile-city')).toHaveTextContent('не указано');
  });

  it('validates the coordinates on the client', async () => {
    seedUser({}, { loggedIn: true });
    const { user } = renderApp('/profile/edit');

    await user.type(await screen.findByLabelText('Широта'), '91');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    expect(screen.getByTestId('error-lat')).toHaveTextContent('Широта — от −90 до 90');
    expect(screen.getByTestId('error-lon')).toHaveTextContent('Укажите и широту, и долготу');
    expect(db.calls.patches).toEqual([]);
  });

  it('puts server errors for nested fields next to their inputs', async () => {
    server.use(
      http.patch(`${API}/users/me`, () =>
        problem(422, 'validation_failed', 'Validation failed', {
          errors: [
            { field: 'location.lon', message: 'must be within [-180, 180]' },
            { field: 'city', message: 'too long' },
          ],
        }),
      ),
    );
    seedUser({}, { loggedIn: true });
    const { user } = renderApp('/profile/edit');

    await user.type(await screen.findByLabelText('Город'), 'Москва');
    await user.type(screen.getByLabelText('Широта'), '10');
    await user.type(screen.getByLabelText('Долгота'), '20');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    expect(await screen.findByTestId('error-lon')).toHaveTextContent('must be within [-180, 180]');
    expect(screen.getByTestId('error-city')).toHaveTextContent('too long');
    expect(window.location.pathname).toBe('/profile/edit');
  });

  it('logs out: revokes the refresh token and returns to login', async () => {
    seedUser({}, { loggedIn: true });
    const refreshToken = getSession()?.refreshToken;
    const { user } = renderApp('/profile');

    await user.click(await screen.findByRole('button', { name: 'Выйти' }));

    await waitForPath('/login');
    expect(window.location.search).toBe('');
    expect(getSession()).toBeNull();
    expect(db.calls.logout).toEqual([refreshToken]);
  });

  it('refreshes an expired access token transparently', async () => {
    seedUser({ name: 'Анна' }, { loggedIn: true });
    const before = getSession();
    expireAllAccessTokens();
    renderApp('/profile');

    expect(await screen.findByTestId('profile-name')).toHaveTextContent('Анна');
    expect(db.calls.refresh).toBe(1);
    expect(getSession()?.refreshToken).not.toBe(before?.refreshToken);
  });

  it('sends the user to login when the session cannot be refreshed', async () => {
    seedUser({}, { loggedIn: true });
    expireAllAccessTokens();
    for (const record of db.refresh.values()) record.revoked = true;
    renderApp('/profile');

    await waitForPath('/login');
    expect(getSession()).toBeNull();
    expect(await screen.findByTestId('toast')).toHaveTextContent('Сессия истекла');
  });

  it('offers a retry when the profile cannot be loaded', async () => {
    seedUser({ name: 'Анна' }, { loggedIn: true });
    let calls = 0;
    server.use(
      http.get(`${API}/users/me`, () => {
        calls += 1;
        return calls === 1 ? problem(503, 'service_unavailable', 'Service Unavailable') : undefined;
      }),
    );
    const { user } = renderApp('/profile');

    const alert = await screen.findByTestId('profile-error');
    expect(alert).toHaveTextContent('Сервис временно недоступен');
    await user.click(within(alert).getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(screen.getByTestId('profile-name')).toHaveTextContent('Анна'));
  });
});
