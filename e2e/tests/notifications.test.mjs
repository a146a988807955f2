// Notifications in a real browser against the real server: a master with the app open hears of a
// new booking at once (a toast and the bell's badge, no reload) and finds it on the notifications
// page; the client, with the app open too, sees the master's confirmation arrive the same way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, expectPath, expectText, launchBrowser, registerViaApi, signedIn, uniqueEmail, withPage } from '../lib/browser.mjs';

const PASSWORD = 'e2e-secret-password';

/** A bookable master made through the API: profile, one service, hours every day. */
async function bookableMaster(name) {
  const auth = await registerViaApi({ email: uniqueEmail('notify-master'), password: PASSWORD, name, role: 'master' });
  const token = auth.access_token;
  const category = (await api('GET', '/api/v1/categories')).body.items[0].id;
  let res = await api('PUT', '/api/v1/masters/me', token, {
    display_name: name,
    category_ids: [category],
    address: 'ул. Тверская, 1',
    city: 'Москва',
    location: { lat: 55.76, lon: 37.61 },
    timezone: 'Europe/Moscow',
    booking_rules: { horizon_days: 60, min_notice_min: 0 },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const masterId = res.body.id;
  res = await api('POST', '/api/v1/masters/me/services', token, {
    name: 'Маникюр', category_id: category, price_minor: 150000, currency: 'RUB', duration_min: 60,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const serviceId = res.body.id;
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '21:00' }));
  res = await api('PUT', '/api/v1/masters/me/schedule', token, { weekly });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { auth, masterId, serviceId };
}

describe('notifications', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('a master sees a live notification when a client books; the client sees the confirmation', { timeout: 120_000 }, async (t) => {
    const stamp = Date.now().toString(36);
    const master = await bookableMaster(`Мастер ${stamp}`);
    const clientName = `Клиентка ${stamp}`;
    const client = await registerViaApi({ email: uniqueEmail('notify-client'), password: PASSWORD, name: clientName });

    await withPage(browser, t, async (masterPage) => {
      await signedIn(masterPage, master.auth, '/workspace/bookings');
      await masterPage.getByTestId('notification-bell').waitFor();
      assert.equal(await masterPage.getByTestId('notification-badge').count(), 0);

      await withPage(browser, t, async (clientPage) => {
        await signedIn(clientPage, client, '/bookings');
        await clientPage.getByTestId('notification-bell').waitFor();

        // The client books (through the API, as another device of theirs would).
        const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
        const slots = await api('GET', `/api/v1/masters/${master.masterId}/slots?service_id=${master.serviceId}&from=${day}&to=${day}`);
        assert.ok(slots.body.items.length > 0, 'a free slot');
        const booked = await api('POST', '/api/v1/bookings', client.access_token, {
          service_id: master.serviceId,
          start_at: slots.body.items[0].start_at,
        });
        assert.equal(booked.status, 201, JSON.stringify(booked.body));

        // The master hears of it at once: a toast and the badge, without a reload.
        await expectText(masterPage.getByTestId('notification-toast').first(), new RegExp(`Новая запись: ${clientName}`));
        await expectText(masterPage.getByTestId('notification-badge'), '1');
        await masterPage.getByTestId('notification-bell').click();
        await expectPath(masterPage, '/notifications');
        await expectText(masterPage.getByTestId('notification-title').first(), new RegExp(clientName));

        // Opening it leads to the booking and reads it: the badge goes.
        await masterPage.getByTestId('notification-title').first().click();
        await expectPath(masterPage, `/bookings/${booked.body.id}`);
        await expectText(masterPage.getByTestId('booking-status'), 'Ждёт подтверждения');
        await masterPage.getByTestId('notification-badge').waitFor({ state: 'detached' });

        // The master confirms; the client's open app shows it live.
        const confirmed = await api('POST', `/api/v1/bookings/${booked.body.id}/confirm`, master.auth.access_token, {});
        assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
        await expectText(clientPage.getByTestId('notification-toast').first(), /запись подтверждена/);
        await expectText(clientPage.getByTestId('notification-badge'), '1');
      });
    });
  });
});
