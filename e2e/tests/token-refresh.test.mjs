import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectText, launchBrowser, registerViaApi, uniqueEmail, withPage } from '../lib/browser.mjs';

// The server rotates refresh tokens and revokes the whole family when an old one is
// presented again, so two tabs refreshing at once must not both spend the same token.
describe('token refresh', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('two tabs with an expired access token refresh once and stay logged in', { timeout: 60_000 }, async (t) => {
    const name = 'Обновление Токена';
    const auth = await registerViaApi({ email: uniqueEmail('refresh'), password: 'e2e-secret-password', name });

    await withPage(browser, t, async (first, context) => {
      const refreshes = [];
      context.on('response', (res) => {
        if (res.url().endsWith('/api/v1/auth/refresh')) refreshes.push(res.status());
      });
      // Network latency on the refresh call (the real server still answers it), so that the
      // second tab wants to refresh while the first one's refresh is still in flight.
      await context.route('**/api/v1/auth/refresh', async (route) => {
        await sleep(700);
        await route.continue();
      });

      // A session whose access token is unusable and already past its expiry time.
      await first.goto('/favicon.svg');
      await first.evaluate((session) => {
        window.localStorage.setItem('service.session', JSON.stringify(session));
      }, { accessToken: 'expired.access.token', accessExpiresAt: Date.now() - 1_000, refreshToken: auth.refresh_token });

      const second = await context.newPage();
      await Promise.all([first.goto('/profile'), second.goto('/profile')]);
      await expectText(first.getByTestId('profile-name'), name);
      await expectText(second.getByTestId('profile-name'), name);
      assert.deepEqual(refreshes, [200], 'exactly one refresh for both tabs');

      const stored = JSON.parse(await first.evaluate(() => window.localStorage.getItem('service.session')));
      assert.notEqual(stored.refreshToken, auth.refresh_token, 'the refresh token was rotated');
      assert.ok(stored.accessExpiresAt > Date.now() + 60_000, 'a fresh access token is stored');

      // The family was not revoked: both tabs survive a reload.
      await Promise.all([first.reload(), second.reload()]);
      await expectText(first.getByTestId('profile-name'), name);
      await expectText(second.getByTestId('profile-name'), name);

      // A 401 on a token that looks valid (e.g. the server's key changed) is refreshed too.
      await first.evaluate(() => {
        const session = JSON.parse(window.localStorage.getItem('service.session'));
        window.localStorage.setItem(
          'service.session',
          JSON.stringify({ ...session, accessToken: 'revoked.access.token', accessExpiresAt: Date.now() + 600_000 }),
        );
      });
      await first.reload();
      await expectText(first.getByTestId('profile-name'), name);
      assert.deepEqual(refreshes, [200, 200]);
    });
  });
});
