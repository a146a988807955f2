import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DESKTOP,
  PHONE,
  expectPath,
  expectText,
  launchBrowser,
  registerViaApi,
  uniqueEmail,
  withPage,
} from '../lib/browser.mjs';

const PASSWORD = 'e2e-secret-password';

describe('auth and profile', () => {
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
    it(`register, reload, edit profile, log out (${label})`, { timeout: 90_000 }, async (t) => {
      await withPage(
        browser,
        t,
        async (page) => {
          const email = uniqueEmail(label);
          const name = `Тест ${label}`;

          // Register → lands on the feed (the home page); the profile is a tap away in the nav.
          await page.goto('/register');
          await expectText(page.getByTestId('page-title'), 'Регистрация');
          await page.getByLabel('Имя').fill(name);
          await page.getByLabel('Эл. почта').fill(email);
          await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
          await page.getByTestId('role-master').check();
          await page.getByTestId('register-submit').click();

          await expectPath(page, '/');
          await page.getByTestId('tab-for_you').waitFor();
          await page.getByTestId('nav-profile').click();
          await expectPath(page, '/profile');
          await expectText(page.getByTestId('profile-name'), name);
          await expectText(page.getByTestId('profile-email'), email);
          await expectText(page.getByTestId('profile-role'), 'Мастер');

          // Reload: the session survives (tokens in localStorage).
          await page.reload();
          await expectText(page.getByTestId('profile-name'), name);
          await expectText(page.getByTestId('profile-email'), email);

          // Edit name and city.
          const newName = `${name} Изменённый`;
          await page.getByTestId('edit-profile').click();
          await expectPath(page, '/profile/edit');
          await page.getByLabel('Имя').fill(newName);
          await page.getByLabel('Город').fill('Санкт-Петербург');
          await page.getByTestId('save-profile').click();

          await expectPath(page, '/profile');
          await expectText(page.getByTestId('profile-name'), newName);
          await expectText(page.getByTestId('profile-city'), 'Санкт-Петербург');

          // Reload: the edit was stored by the server.
          await page.reload();
          await expectText(page.getByTestId('profile-name'), newName);
          await expectText(page.getByTestId('profile-city'), 'Санкт-Петербург');

          // Log out → login page, tokens gone.
          await page.getByTestId('logout-button').click();
          await expectPath(page, '/login');
          await expectText(page.getByTestId('page-title'), 'Вход');
          const stored = await page.evaluate(() => window.localStorage.getItem('service.session'));
          assert.equal(stored, null);

          // The profile is now behind the login page.
          await page.goto('/profile');
          await expectPath(page, '/login');
          await expectText(page.getByTestId('page-title'), 'Вход');
        },
        { viewport },
      );
    });
  }

  it('register with a used email shows the error next to the email field', { timeout: 60_000 }, async (t) => {
    const email = uniqueEmail('taken');
    await registerViaApi({ email, password: PASSWORD, name: 'Первый' });

    await withPage(browser, t, async (page) => {
      await page.goto('/register');
      await page.getByLabel('Имя').fill('Второй');
      await page.getByLabel('Эл. почта').fill(email);
      await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
      await page.getByTestId('register-submit').click();

      await expectText(page.getByTestId('error-email'), 'Этот email уже зарегистрирован');
      const emailInput = page.getByLabel('Эл. почта');
      assert.equal(await emailInput.getAttribute('aria-invalid'), 'true');
      // The message is tied to the input for assistive technology.
      const describedBy = await emailInput.getAttribute('aria-describedby');
      const errorId = await page.getByTestId('error-email').getAttribute('id');
      assert.ok(describedBy?.split(' ').includes(errorId), 'error is the input description');
      assert.equal(new URL(page.url()).pathname, '/register');
    });
  });

  it('a wrong password on login shows an error', { timeout: 60_000 }, async (t) => {
    const email = uniqueEmail('login');
    await registerViaApi({ email, password: PASSWORD, name: 'Логин' });

    await withPage(browser, t, async (page) => {
      await page.goto('/login');
      await page.getByLabel('Эл. почта').fill(email);
      await page.getByLabel('Пароль', { exact: true }).fill('definitely-wrong');
      await page.getByTestId('login-submit').click();

      await expectText(page.getByTestId('form-error'), 'Неверный email или пароль');
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(await page.evaluate(() => window.localStorage.getItem('service.session')), null);

      // And the right one gets in.
      await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await expectPath(page, '/');
      await page.getByTestId('tab-for_you').waitFor();
      await page.getByTestId('nav-profile').click();
      await expectPath(page, '/profile');
      await expectText(page.getByTestId('profile-email'), email);
    });
  });

  it('the language switch changes the UI to English and is remembered', { timeout: 60_000 }, async (t) => {
    await withPage(
      browser,
      t,
      async (page) => {
        await page.goto('/login');
        await expectText(page.getByTestId('page-title'), 'Вход');
        assert.equal(await page.getAttribute('html', 'lang'), 'ru');

        await page.getByTestId('lang-en').click();
        await expectText(page.getByTestId('page-title'), 'Sign in');
        await page.getByLabel('Email').waitFor();
        await expectText(page.getByTestId('login-submit'), 'Sign in');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');

        await page.reload();
        await expectText(page.getByTestId('page-title'), 'Sign in');

        await page.getByTestId('lang-ru').click();
        await expectText(page.getByTestId('page-title'), 'Вход');
      },
      { viewport: PHONE },
    );
  });
});
