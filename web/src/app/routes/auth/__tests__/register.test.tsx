import { screen } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { getSession } from '@/lib/token-store';
import { findUserByEmail } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp, seedUser, waitForPath } from '@/testing/test-utils';

async function fillForm(
  user: ReturnType<typeof renderApp>['user'],
  { name = 'Мария', email = 'maria@example.com', password = 'secret-password', master = false } = {},
) {
  await user.type(await screen.findByLabelText('Имя'), name);
  await user.type(screen.getByLabelText('Эл. почта'), email);
  await user.type(screen.getByLabelText('Пароль'), password);
  if (master) await user.click(screen.getByTestId('role-master'));
}

describe('register route', () => {
  it('creates an account and lands on the feed, the profile one tap away', async () => {
    const { user } = renderApp('/register');
    await fillForm(user, { master: true });
    await user.click(screen.getByRole('button', { name: 'Создать аккаунт' }));

    expect(await screen.findByTestId('feed-empty')).toBeInTheDocument();
    await waitForPath('/');
    await user.click(screen.getByTestId('nav-profile'));
    expect(await screen.findByTestId('profile-name')).toHaveTextContent('Мария');
    expect(screen.getByTestId('profile-email')).toHaveTextContent('maria@example.com');
    expect(screen.getByTestId('profile-role')).toHaveTextContent('Мастер');
    await waitForPath('/profile');
    expect(findUserByEmail('maria@example.com')?.role).toBe('master');
    expect(getSession()).not.toBeNull();
  });

  it('shows email_taken next to the email field', async () => {
    seedUser({ email: 'taken@example.com' });
    const { user } = renderApp('/register');
    await fillForm(user, { email: 'taken@example.com' });
    await user.click(screen.getByRole('button', { name: 'Создать аккаунт' }));

    expect(await screen.findByTestId('error-email')).toHaveTextContent('Этот email уже зарегистрирован');
    expect(screen.getByLabelText('Эл. почта')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Эл. почта')).toHaveAccessibleDescription('Этот email уже зарегистрирован');
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();

    // Editing the field hides its stale error.
    await user.type(screen.getByLabelText('Эл. почта'), 'x');
    expect(screen.queryByTestId('error-email')).not.toBeInTheDocument();
  });

  it('maps 422 errors[] to their fields and keeps unknown ones in the alert', async () => {
    server.use(
      http.post(`${API}/auth/register`, () =>
        problem(422, 'validation_failed', 'Validation failed', {
          errors: [
            { field: '/name', message: 'name contains forbidden characters' },
            { field: 'captcha', message: 'captcha required' },
          ],
        }),
      ),
    );
    const { user } = renderApp('/register');
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Создать аккаунт' }));

    expect(await screen.findByTestId('error-name')).toHaveTextContent('name contains forbidden characters');
    expect(screen.getByTestId('form-error')).toHaveTextContent('captcha: captcha required');
  });

  it('shows title and detail of other problems in an alert', async () => {
    server.use(
      http.post(`${API}/auth/register`, () =>
        problem(500, 'internal', 'Internal Server Error', { detail: 'Registration is closed today' }),
      ),
    );
    const { user } = renderApp('/register');
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Создать аккаунт' }));

    expect(await screen.findByTestId('form-error')).toHaveTextContent(
      'Internal Server Error: Registration is closed today',
    );
  });

  it('limits the password to 72 bytes, counting UTF-8', async () => {
    const { user } = renderApp('/register');
    // 37 Cyrillic letters = 74 bytes.
    await fillForm(user, { password: 'я'.repeat(37) });
    await user.click(screen.getByRole('button', { name: 'Создать аккаунт' }));

    expect(screen.getByTestId('error-password')).toHaveTextContent('не более 72 байт');
  });

  it('reports a network failure', async () => {
    server.use(http.post(`${API}/auth/register`, () => Response.error()));
    const { user } = renderApp('/register');
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Создать аккаунт' }));

    expect(await screen.findByTestId('form-error')).toHaveTextContent('Нет связи с сервером');
  });
});
