import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUser, db, expireAllAccessTokens } from '@/testing/mocks/db';
import { seedBooking, seedMaster } from '@/testing/mocks/marketplace-db';
import { testInstant, TEST_NOW } from '@/testing/dates';
import { freezeDate, renderApp, seedUser, TEST_PASSWORD, waitForPath } from '@/testing/test-utils';

afterEach(() => {
  vi.useRealTimers();
});

describe('the query cache across sessions', () => {
  it('after the session expires, the next user of the tab does not see the previous one’s data', async () => {
    freezeDate(TEST_NOW);
    const first = seedUser({ name: 'Анна', email: 'anna@example.com' }, { loggedIn: true });
    const { master, services } = seedMaster({ user: { name: 'Мария' } });
    seedBooking({ client: first, master, service: services[0]!, start: testInstant(1, '10:00'), comment: 'Френч' });
    createUser({ email: 'boris@example.com', password: TEST_PASSWORD, name: 'Борис' });

    const { user, queryClient } = renderApp('/bookings');
    expect(await screen.findByTestId('booking-card')).toBeInTheDocument();
    expect(queryClient.getQueryCache().findAll({ queryKey: ['bookings'] })).not.toHaveLength(0);

    // The server ends the session: the access token stops working and the refresh is refused.
    expireAllAccessTokens();
    for (const record of db.refresh.values()) record.revoked = true;
    await act(() => queryClient.invalidateQueries());
    await waitForPath('/login');
    expect(queryClient.getQueryCache().findAll()).toHaveLength(0);

    await user.type(await screen.findByLabelText('Эл. почта'), 'boris@example.com');
    await user.type(screen.getByLabelText('Пароль'), TEST_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    await waitForPath('/bookings');
    expect(await screen.findByTestId('bookings-empty')).toBeInTheDocument();
    expect(screen.queryByTestId('booking-card')).not.toBeInTheDocument();
  });
});
