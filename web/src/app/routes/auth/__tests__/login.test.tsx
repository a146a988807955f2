import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n';
import { getSession } from '@/lib/token-store';
import { API, problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp, seedUser, TEST_PASSWORD, waitForPath } from '@/testing/test-utils';

describe('login route', () => {
  it('is in Russian by default and logs in to the feed, with the profile one tap away', async () => {
    seedUser({ name: 'Анна Иванова', email: 'anna@example.com' });
    const { user } = renderApp('/login');

    expect(await screen.findByRole('heading', { name: 'Вход' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Эл. почта'), 'anna@example.com');
    await user.type(screen.getByLabelText('Пароль'), TEST_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    // The home page after login is the feed.
    expect(await screen.findByTestId('feed-empty')).toBeInTheDocument();
    await waitForPath('/');
    await user.click(screen.getByTestId('nav-profile'));
    expect(await screen.findByTestId('profile-name')).toHaveTextContent('Анна Иванова');
    expect(screen.getByTestId('profile-email')).toHaveTextContent('anna@example.com');
    await waitForPath('/profile');
    expect(getSession()?.refreshToken).toMatch(/^refresh-/);
  });

  it('shows the invalid-credentials error for a wrong password', async () => {
    seedUser();
    const { user } = renderApp('/login');

    await user.type(await screen.findByLabelText('Эл. почта'), 'anna@example.com');
    await user.type(screen.getByLabelText('Пароль'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect(await screen.findByTestId('form-error')).toHaveTextContent('Неверный email или пароль');
    expect(getSession()).toBeNull();
  });

  it('validates on the client before calling the server', async () => {
    const { user } = renderApp('/login');

    await user.type(await screen.findByLabelText('Эл. почта'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect(screen.getByLabelText('Эл. почта')).toHaveAccessibleDescription('Введите корректный адрес эл. почты');
    expect(screen.getByLabelText('Пароль')).toHaveAccessibleDescription('Обязательное поле');
    expect(screen.getByLabelText('Эл. почта')).toHaveFocus();
  });

  it('switches the UI to English and remembers the choice', async () => {
    const { user, unmount } = renderApp('/login');

    await user.click(await screen.findByTestId('lang-en'));
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    unmount();
    renderApp('/login');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('re-translates a visible error when the language changes', async () => {
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Войти' }));
    expect(screen.getByLabelText('Пароль')).toHaveAccessibleDescription('Обязательное поле');

    await user.click(screen.getByTestId('lang-en'));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Required');
  });

  it('shows the rate-limit message with Retry-After', async () => {
    server.use(
      http.post(`${API}/auth/login`, () =>
        problem(429, 'rate_limited', 'Too Many Requests', {}, { 'Retry-After': '42' }),
      ),
    );
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Эл. почта'), 'anna@example.com');
    await user.type(screen.getByLabelText('Пароль'), TEST_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    const alert = await screen.findByTestId('form-error');
    expect(within(alert).getByText(/через 42 с/)).toBeInTheDocument();
  });

  it('goes back to the page that required login', async () => {
    seedUser();
    const { user } = renderApp('/profile/edit');

    await waitForPath('/login');
    expect(window.location.search).toBe('?redirect=%2Fprofile%2Fedit');
    await user.type(screen.getByLabelText('Эл. почта'), 'anna@example.com');
    await user.type(screen.getByLabelText('Пароль'), TEST_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    await waitForPath('/profile/edit');
  });
});
