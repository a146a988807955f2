import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import { db } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { ndb, preferencesOf } from '@/testing/mocks/notifications-db';
import { server } from '@/testing/mocks/server';
import { openApp, signedInMaster } from '@/testing/notifications';
import { waitForPath } from '@/testing/test-utils';

const switchFor = (name: string) => screen.getByRole('switch', { name });

describe('notification settings', () => {
  it('is linked from the notifications page and the profile', async () => {
    signedInMaster();
    const { user } = await openApp('/profile');

    await user.click(await screen.findByRole('link', { name: 'Настройки уведомлений' }));
    await waitForPath('/settings/notifications');
    await user.click(await screen.findByRole('link', { name: 'К уведомлениям' }));
    await waitForPath('/notifications');
    await user.click(await screen.findByRole('link', { name: 'Настройки уведомлений' }));
    await waitForPath('/settings/notifications');
    expect(await screen.findByRole('heading', { name: 'Настройки уведомлений' })).toBeInTheDocument();
  });

  it('shows every type the server lists and saves what was changed with PUT', async () => {
    const { me } = signedInMaster();
    const stored = preferencesOf(me.id);
    // A type this client has no words for yet still gets a row.
    stored.types.post_pinned = { in_app: true, push: false };
    const { user } = await openApp('/settings/notifications');

    await screen.findByTestId('preferences-form');
    const rows = screen.getAllByRole('row').slice(1).map((r) => within(r).getByRole('rowheader').textContent);
    expect(rows).toEqual([
      'Новые записи',
      'Подтверждение записи',
      'Отмена записи',
      'Перенос записи',
      'Напоминания о визитах',
      'Просьбы оставить отзыв',
      'Новые отзывы',
      'Ответы на отзывы',
      'Новые сообщенияТолько push',
      'Новые подписчики',
      'Заявки в друзья',
      'Принятые заявки в друзья',
      'Отметки «нравится»',
      'Репосты',
      'Комментарии к публикациям',
      'Ответы на комментарии',
      'Post pinned',
    ]);
    // New messages only come as push: the in-app switch is off and cannot be turned on.
    expect(switchFor('Новые сообщения: В приложении')).not.toBeChecked();
    expect(switchFor('Новые сообщения: В приложении')).toBeDisabled();
    expect(switchFor('Новые сообщения: Push')).toBeChecked();
    expect(screen.getByLabelText('С')).toBeDisabled();
    expect(screen.getByLabelText('Часовой пояс')).toHaveValue('Europe/Moscow');

    await user.click(switchFor('Напоминания о визитах: Push'));
    await user.click(switchFor('Новые отзывы: В приложении'));
    await user.click(screen.getByRole('switch', { name: 'Не присылать push в тихие часы' }));
    await user.clear(screen.getByLabelText('С'));
    await user.type(screen.getByLabelText('С'), '23:30');
    await user.selectOptions(screen.getByLabelText('Часовой пояс'), 'Asia/Novosibirsk');
    await user.click(screen.getByRole('switch', { name: 'Группировать похожие уведомления' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    expect(await screen.findByTestId('preferences-saved')).toHaveTextContent('Настройки сохранены');
    expect(ndb.calls.puts).toHaveLength(1);
    const put = ndb.calls.puts[0] as typeof stored;
    expect(put).toEqual({
      types: {
        ...stored.types,
        booking_reminder: { in_app: true, push: false },
        review_received: { in_app: false, push: true },
      },
      quiet_hours: { from: '23:30', to: '08:00' },
      timezone: 'Asia/Novosibirsk',
      grouping: false,
    });
    expect(switchFor('Напоминания о визитах: Push')).not.toBeChecked();
    expect(screen.getByLabelText('С')).toHaveValue('23:30');

    // An edit after the save takes the "saved" note away until the next save.
    await user.click(switchFor('Напоминания о визитах: Push'));
    expect(screen.queryByTestId('preferences-saved')).not.toBeInTheDocument();
  });

  it('puts the server’s field errors next to their inputs', async () => {
    signedInMaster();
    server.use(
      http.put(`${API}/notifications/preferences`, () =>
        problem(422, 'validation_failed', 'Validation failed', {
          errors: [
            { field: 'quiet_hours.to', message: 'must differ from quiet_hours.from' },
            { field: 'timezone', message: 'unknown time zone' },
          ],
        }),
      ),
    );
    const { user } = await openApp('/settings/notifications');

    await user.click(await screen.findByRole('switch', { name: 'Не присылать push в тихие часы' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    expect(await screen.findByTestId('error-quiet_to')).toHaveTextContent('must differ from quiet_hours.from');
    expect(screen.getByTestId('error-timezone')).toHaveTextContent('unknown time zone');
    expect(screen.getByLabelText('До')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('preferences-saved')).not.toBeInTheDocument();
  });

  it('checks the quiet hours before sending', async () => {
    signedInMaster();
    const { user } = await openApp('/settings/notifications');

    await user.click(await screen.findByRole('switch', { name: 'Не присылать push в тихие часы' }));
    await user.clear(screen.getByLabelText('До'));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    expect(screen.getByTestId('error-quiet_to')).toHaveTextContent('Укажите время в формате ЧЧ:ММ');
    expect(ndb.calls.puts).toEqual([]);
  });

  it('offers a retry when the settings do not load', async () => {
    signedInMaster();
    let fail = true;
    server.use(
      http.get(`${API}/notifications/preferences`, () => (fail ? problem(500, 'internal', 'Internal Server Error') : undefined)),
    );
    const { user } = await openApp('/settings/notifications');

    const error = await screen.findByTestId('preferences-error');
    fail = false;
    await user.click(within(error).getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByTestId('preferences-form')).toBeInTheDocument();
  });
});

describe('the language of notification texts', () => {
  it('follows a switch of the UI language', async () => {
    signedInMaster();
    const { user } = await openApp('/notifications');
    await screen.findByTestId('notifications-empty');
    expect(db.calls.patches).toEqual([]);

    await user.click(screen.getByTestId('lang-en'));
    await waitFor(() => expect(db.calls.patches).toEqual([{ locale: 'en' }]));
    await user.click(screen.getByTestId('lang-ru'));
    await waitFor(() => expect(db.calls.patches).toEqual([{ locale: 'en' }, { locale: 'ru' }]));
  });

  it('is sent once for a language chosen before signing in', async () => {
    setLanguage('en');
    signedInMaster();
    const first = await openApp('/notifications');
    await waitFor(() => expect(db.calls.patches).toEqual([{ locale: 'en' }]));
    first.unmount();

    await openApp('/notifications');
    await screen.findByTestId('notifications-empty');
    expect(db.calls.patches).toEqual([{ locale: 'en' }]);
  });
});
