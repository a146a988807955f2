// The social side in a real browser against the real server: a master publishes a post with a
// photo through the composer (upload progress, then publish); a client lands on the feed and
// finds it, opens the master's profile and follows, sees the post under Подписки, likes it
// (kept after a reload), comments in the comment sheet, and Записаться opens the master page
// at the booking step of the post's service.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, DESKTOP, PHONE, expectPath, expectText, launchBrowser, uniqueEmail, withPage } from '../lib/browser.mjs';
import { png } from '../lib/images.mjs';

const PASSWORD = 'e2e-secret-password';

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
  await page.getByTestId('tab-for_you').waitFor();
}

/** The access token of the session the web client keeps in localStorage. */
async function sessionToken(page) {
  const raw = await page.evaluate(() => window.localStorage.getItem('service.session'));
  assert.ok(raw, 'a session after registration');
  return JSON.parse(raw).accessToken;
}

/** Slows the page's uploads to `bytesPerSecond`, so a progress bar has time to move. */
async function throttleUploads(page, bytesPerSecond) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return cdp;
}

/** Every value the progress bar's aria-valuenow takes until `done` resolves. */
async function watchProgress(page, done) {
  const seen = new Set();
  let finished = false;
  done.finally(() => {
    finished = true;
  });
  while (!finished) {
    const value = await page
      .getByRole('progressbar')
      .first()
      .getAttribute('aria-valuenow', { timeout: 200 })
      .catch(() => null);
    if (value !== null) seen.add(Number(value));
    await sleep(50);
  }
  return [...seen];
}

async function waitUntil(check, what, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

describe('social feed', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('a master posts a photo; a client finds it, follows, likes, comments and books', { timeout: 180_000 }, async (t) => {
    const stamp = Date.now().toString(36);
    const masterName = `Мастер Лента ${stamp}`;
    const serviceName = `Френч ${stamp}`;
    const postText = `Свежий френч ${stamp}`;
    const commentText = `Очень красиво ${stamp}`;
    let master; // { token, userId, masterId, serviceId }
    let postId;

    // ── The master: registers, gets a profile and a service, publishes through the composer.
    await withPage(
      browser,
      t,
      async (page) => {
        await register(page, { name: masterName, email: uniqueEmail('feed-master'), role: 'master' });
        await page.getByTestId('feed-compose').waitFor();

        // The master profile, a service and hours, through the API (the workspace UI is booking.test's).
        const token = await sessionToken(page);
        const me = await api('GET', '/api/v1/users/me', token);
        assert.equal(me.status, 200, JSON.stringify(me.body));
        const categories = (await api('GET', '/api/v1/categories')).body.items;
        const category = (categories.find((c) => c.slug === 'nails') ?? categories[0]).id;
        let res = await api('PUT', '/api/v1/masters/me', token, {
          display_name: masterName,
          category_ids: [category],
          address: 'ул. Тверская, 1',
          city: 'Москва',
          location: { lat: 55.7601, lon: 37.6186 },
          timezone: 'Europe/Moscow',
          booking_rules: { horizon_days: 60, min_notice_min: 0 },
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        const masterId = res.body.id;
        res = await api('POST', '/api/v1/masters/me/services', token, {
          name: serviceName,
          category_id: category,
          price_minor: 180000,
          currency: 'RUB',
          duration_min: 60,
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        const serviceId = res.body.id;
        const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '22:00' }));
        res = await api('PUT', '/api/v1/masters/me/schedule', token, { weekly });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        master = { token, userId: me.body.id, masterId, serviceId };

        // The composer, from the nav.
        await page.getByTestId('nav-new-post').click();
        await expectPath(page, '/posts/new');
        await expectText(page.getByTestId('page-title'), 'Новая публикация');
        const publish = page.getByTestId('composer-publish');
        await page.getByTestId('composer-text').waitFor();
        assert.ok(await publish.isDisabled(), 'nothing to publish without a photo');

        // About 1 MB of noise at 400 KB/s: a few seconds of upload, the bar moving.
        const cdp = await throttleUploads(page, 400 * 1024);
        await page
          .getByTestId('queue-picker')
          .locator('input[type=file]')
          .setInputFiles({ name: 'french.png', mimeType: 'image/png', buffer: png(600, 600, { noise: true }) });
        const ready = page.getByTestId('composer-photo').first().waitFor({ timeout: 60_000 });
        const values = await watchProgress(page, ready);
        await ready;
        const partial = values.filter((v) => v > 0 && v < 100);
        assert.ok(partial.length >= 1, `the bar should move, saw ${JSON.stringify(values)}`);
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        assert.equal(await page.getByTestId('composer-photo').count(), 1);

        await page.getByTestId('composer-text').fill(postText);
        await page.getByTestId('composer-service').selectOption(serviceId);
        // The photo is in and nothing is uploading: publishing is possible.
        await waitUntil(() => publish.isEnabled(), 'the publish button is enabled');
        assert.equal(await page.getByTestId('composer-hint').count(), 0);
        await publish.click();

        // Back on the feed, the new post on top.
        await expectPath(page, '/');
        await expectText(page.getByTestId('toast').last(), /Публикация опубликована/);
        const mine = page.getByTestId('post-card').filter({ hasText: postText });
        await mine.first().waitFor();
        postId = await mine.first().getAttribute('data-post-id');
        assert.ok(postId, 'the card carries its post id');
        // The author does not book themselves.
        assert.equal(await mine.first().getByTestId('post-book').count(), 0);
      },
      { viewport: DESKTOP },
    );

    // ── The client: the feed, the master's profile, follow, like, comment, book.
    await withPage(
      browser,
      t,
      async (page) => {
        await register(page, { name: `Клиентка ${stamp}`, email: uniqueEmail('feed-client'), role: 'client' });

        // For you: a fresh post of a master in the client's city (Moscow by default) is on the first page.
        await page.getByTestId('feed-list').waitFor();
        const inForYou = page.locator(`[data-testid="post-card"][data-post-id="${postId}"]`);
        await inForYou.waitFor();
        // The author link holds the avatar's initials, then the name.
        await expectText(inForYou.getByTestId('post-author'), new RegExp(`${masterName}$`));

        // The author's profile: follow.
        await inForYou.getByTestId('post-author').click();
        await expectPath(page, `/users/${master.userId}`);
        await expectText(page.getByTestId('profile-name'), masterName);
        const follow = page.getByTestId('follow-button');
        await expectText(follow, 'Подписаться');
        await follow.click();
        await expectText(follow, 'Отписаться');
        assert.equal(await follow.getAttribute('aria-pressed'), 'true');
        // Stored by the server.
        await page.reload();
        await expectText(page.getByTestId('follow-button'), 'Отписаться');
        await page.getByTestId('user-post-cell').first().waitFor();

        // Подписки shows the master's post.
        await page.getByTestId('nav-feed').click();
        await expectPath(page, '/');
        await page.getByTestId('tab-following').click();
        await page.waitForURL((url) => url.searchParams.get('tab') === 'following');
        // Waited for, not read once: the URL changes a render before the tab shows it.
        await page.locator('[data-testid="tab-following"][aria-selected="true"]').waitFor();
        const card = page.locator(`[data-testid="post-card"][data-post-id="${postId}"]`);
        await card.waitFor();
        await expectText(card.getByTestId('like-count'), '0');

        // Like: 1 at once, and still 1 after a reload (the server has it).
        const liked = page.waitForResponse(
          (res) => res.url().includes(`/api/v1/posts/${postId}/like`) && res.request().method() === 'PUT',
        );
        await card.getByTestId('like-button').click();
        await expectText(card.getByTestId('like-count'), '1');
        assert.equal((await liked).status(), 204);
        assert.equal(await card.getByTestId('like-button').getAttribute('aria-pressed'), 'true');
        await page.reload();
        await card.waitFor();
        await expectText(card.getByTestId('like-count'), '1');
        assert.equal(await card.getByTestId('like-button').getAttribute('aria-pressed'), 'true');

        // A comment in the sheet.
        await card.getByTestId('comments-button').click();
        const sheet = page.getByTestId('comment-sheet');
        await sheet.waitFor();
        await sheet.getByTestId('comments-empty').waitFor();
        await sheet.getByTestId('comment-input').fill(commentText);
        await sheet.getByTestId('comment-submit').click();
        const comment = sheet.getByTestId('comment').filter({ hasText: commentText });
        await comment.waitFor();
        await expectText(comment.getByTestId('comment-text'), commentText);
        await page.keyboard.press('Escape');
        await sheet.waitFor({ state: 'detached' });
        await expectText(card.getByTestId('comment-count'), '1');

        // Записаться: the master page, at the free slots of the post's service.
        await expectText(card.getByTestId('post-service'), new RegExp(serviceName));
        await card.getByTestId('post-book').click();
        await expectPath(page, `/masters/${master.masterId}`);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('service'), master.serviceId);
        assert.equal(url.hash, '#book');
        await expectText(page.getByTestId('master-name'), masterName);
        const step = page.getByTestId('booking-step');
        await step.waitFor();
        await expectText(step.locator('h3'), new RegExp(serviceName));
        await step.getByTestId('slot').first().waitFor();
      },
      { viewport: PHONE },
    );

    // The server agrees: one like, one comment.
    const post = await api('GET', `/api/v1/posts/${postId}`, master.token);
    assert.equal(post.status, 200, JSON.stringify(post.body));
    assert.equal(post.body.counts.likes, 1);
    assert.equal(post.body.counts.comments, 1);
  });
});
