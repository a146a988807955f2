// The marketplace round trip in a real browser against the real server: a master sets up a
// profile, a service and weekly hours; a client finds them, books a free slot and sees the
// booking; the master confirms it and the client sees the confirmation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, expectPath, expectText, launchBrowser, uniqueEmail, withPage } from '../lib/browser.mjs';

const PASSWORD = 'e2e-secret-password';
// A few hundred metres from the centre of Moscow, the search's fallback origin.
const MASTER_LAT = '55.7601';
const MASTER_LON = '37.6186';

async function register(page, { name, email, role }) {
  await page.goto('/register');
  await expectText(page.getByTestId('page-title'), 'Регистрация');
  await page.getByLabel('Имя').fill(name);
  await page.getByLabel('Эл. почта').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await page.getByTestId(`role-${role}`).check();
  await page.getByTestId('register-submit').click();
  // The home page after registration is the feed.
  await expectPath(page, '/');
}

/** Master: profile → service → weekly hours, all through the workspace UI. */
async function setUpMaster(page, { name, serviceName }) {
  await page.getByTestId('nav-workspace').click();
  await expectPath(page, '/workspace');
  await expectText(page.getByTestId('page-title'), 'Профиль мастера');

  await page.getByLabel('Имя для клиентов').fill(name);
  await page.getByLabel('О себе').fill('Аккуратный маникюр, стерильные инструменты');
  await page.getByTestId('category-manicure').check();
  await page.getByLabel('Город').fill('Москва');
  await page.getByLabel('Адрес').fill('ул. Тверская, 1');
  await page.getByLabel('Широта').fill(MASTER_LAT);
  await page.getByLabel('Долгота').fill(MASTER_LON);
  await page.getByLabel('Часовой пояс').selectOption('Europe/Moscow');
  await page.getByTestId('save-master-profile').click();
  await expectPath(page, '/workspace/bookings');

  // A service: price typed in roubles.
  await page.getByTestId('workspace-tab-services').click();
  await expectPath(page, '/workspace/services');
  await page.getByTestId('add-service').click();
  const form = page.getByTestId('service-form');
  await form.getByLabel('Название').fill(serviceName);
  await form.getByLabel('Цена, ₽').fill('1500');
  await form.getByLabel('Длительность').selectOption('60');
  await form.getByTestId('save-service').click();
  await expectText(page.getByTestId('my-service').first(), new RegExp(`${serviceName}.*1\\s500\\s₽.*1 ч`));

  // Every day 08:00–12:00 and, after a break, 13:00–22:00: there is always a free slot ahead.
  await page.getByTestId('workspace-tab-schedule').click();
  await expectPath(page, '/workspace/schedule');
  for (let day = 1; day <= 7; day += 1) {
    const row = page.getByTestId(`weekday-${day}`);
    await row.getByTestId(`weekday-${day}-intervals-add`).click();
    await row.getByTestId(`weekday-${day}-intervals-start-0`).fill('08:00');
    await row.getByTestId(`weekday-${day}-intervals-end-0`).fill('12:00');
    await row.getByTestId(`weekday-${day}-intervals-add`).click();
    await row.getByTestId(`weekday-${day}-intervals-start-1`).fill('13:00');
    await row.getByTestId(`weekday-${day}-intervals-end-1`).fill('22:00');
  }
  await page.getByTestId('save-schedule').click();
  await expectText(page.getByTestId('toast').last(), /Расписание сохранено/);
  // Reload: the server kept both intervals of a day.
  await page.reload();
  assert.equal(await page.getByTestId('weekday-7-intervals-start-1').inputValue(), '13:00');
}

describe('booking', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const [label, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ]) {
    it(`master sets up, client books, master confirms (${label})`, { timeout: 180_000 }, async (t) => {
      const stamp = Date.now().toString(36);
      const masterName = `Мастер ${label} ${stamp}`;
      const serviceName = `Маникюр ${stamp}`;
      const comment = `Комментарий ${stamp}`;

      await withPage(
        browser,
        t,
        async (masterPage) => {
          await register(masterPage, { name: masterName, email: uniqueEmail(`master-${label}`), role: 'master' });
          await setUpMaster(masterPage, { name: masterName, serviceName });

          let bookedWhen;
          await withPage(
            browser,
            t,
            async (page) => {
              await register(page, { name: `Клиент ${label}`, email: uniqueEmail(`client-${label}`), role: 'client' });

              // Search: no geolocation permission and no profile location → around Moscow centre.
              await page.getByTestId('nav-search').click();
              await expectPath(page, '/masters');
              await expectText(page.getByTestId('search-origin'), /Рядом с центром Москвы/);
              const card = page.getByTestId('master-card').filter({ hasText: masterName });
              await expectText(card.getByTestId('master-min-price'), /от 1\s500\s₽/);
              await card.getByTestId('master-card-link').click();

              // Master page → service → first free slot.
              await expectText(page.getByTestId('master-name'), masterName);
              await page.getByRole('button', { name: `Выбрать услугу «${serviceName}»` }).click();
              const slot = page.getByTestId('slot').first();
              await slot.waitFor();
              const startAt = await slot.getAttribute('data-start');
              const time = (await slot.textContent()).trim();
              assert.match(time, /^\d{2}:\d{2}$/);
              await slot.click();

              // Confirmation screen.
              await expectText(page.getByTestId('page-title'), 'Подтверждение записи');
              await expectText(page.getByTestId('summary-service'), serviceName);
              await expectText(page.getByTestId('summary-when'), new RegExp(time));
              await expectText(page.getByTestId('summary-price'), /1\s500\s₽/);
              await page.getByLabel('Комментарий для мастера (необязательно)').fill(comment);
              await page.getByTestId('confirm-booking-submit').click();

              await expectText(page.getByTestId('booked'), /Вы записаны!/);
              await expectText(page.getByTestId('booking-status'), 'Ждёт подтверждения');
              await expectText(page.getByTestId('booking-comment'), new RegExp(comment));
              bookedWhen = (await page.getByTestId('booking-when').textContent()).trim();

              // My bookings.
              await page.getByTestId('nav-bookings').click();
              await expectPath(page, '/bookings');
              const mine = page.getByTestId('booking-card').filter({ hasText: serviceName });
              await expectText(mine.getByTestId('booking-master'), masterName);
              await expectText(mine.getByTestId('booking-status'), 'Ждёт подтверждения');
              assert.ok(startAt, 'the slot carries its start instant');

              // Master confirms (other browser context), then the client sees it after a reload.
              await masterPage.getByTestId('workspace-tab-bookings').click();
              await expectPath(masterPage, '/workspace/bookings');
              await masterPage.reload();
              const incoming = masterPage.getByTestId('booking-card').filter({ hasText: serviceName });
              await expectText(incoming.getByTestId('booking-comment'), new RegExp(comment));
              await expectText(incoming.getByTestId('booking-when'), bookedWhen);
              await incoming.getByTestId('confirm-booking').click();
              await expectText(masterPage.getByTestId('toast').last(), /Запись подтверждена/);

              await page.reload();
              await expectText(
                page.getByTestId('booking-card').filter({ hasText: serviceName }).getByTestId('booking-status'),
                'Подтверждена',
              );
            },
            { viewport },
          );

          // The confirmed booking is in the master's upcoming list.
          await masterPage.getByTestId('tab-upcoming').click();
          const upcoming = masterPage.getByTestId('booking-card').filter({ hasText: serviceName });
          await expectText(upcoming.getByTestId('booking-status'), 'Подтверждена');
        },
        { viewport },
      );
    });
  }
});
