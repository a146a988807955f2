// Photos in the real browser against the real server: an avatar with its progress bar, a
// master's portfolio from the workspace to the master page, a photo sent in a chat.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BASE_URL, expectText, launchBrowser, registerViaApi, signedIn, uniqueEmail, withPage } from '../lib/browser.mjs';
import { png } from '../lib/images.mjs';

const PASSWORD = 'e2e-secret-password';

async function apiCall(auth, method, path, body) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${auth.access_token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
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

/** Waits until the image has loaded (a broken or missing one never has a natural width). */
async function expectLoaded(locator) {
  await locator.waitFor();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const width = await locator.evaluate((img) => (img.complete ? img.naturalWidth : 0));
    if (width > 0) return width;
    if (Date.now() > deadline) assert.fail(`the image ${await locator.getAttribute('src')} never loaded`);
    await sleep(100);
  }
}

describe('photos', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('sets an avatar: preview, a progress bar that moves, then the photo on the profile', { timeout: 90_000 }, async (t) => {
    const me = await registerViaApi({ email: uniqueEmail('avatar'), password: PASSWORD, name: 'Вера Фото' });
    await withPage(browser, t, async (page) => {
      await signedIn(page, me, '/profile/edit');
      await page.getByTestId('avatar-uploader').waitFor();
      // About 1.5 MB of noise at 400 KB/s: several seconds of upload to watch.
      const photo = png(700, 700, { noise: true });
      await throttleUploads(page, 400 * 1024);
      await page
        .getByTestId('avatar-picker')
        .locator('input[type=file]')
        .setInputFiles({ name: 'vera.png', mimeType: 'image/png', buffer: photo });
      await page.getByTestId('file-preview').waitFor();
      await page.getByTestId('avatar-save').click();
      const updated = page.getByTestId('avatar-updated').waitFor({ timeout: 60_000 });
      const values = await watchProgress(page, updated);
      await updated;
      const partial = values.filter((v) => v > 0 && v < 100);
      assert.ok(partial.length >= 2, `the bar should move through several values, saw ${JSON.stringify(values)}`);

      // The profile shows the photo, served by the server, instead of the initials.
      const me2 = await apiCall(me, 'GET', '/api/v1/users/me');
      assert.match(me2.body.avatar_url, /^\/media\/[0-9a-f-]+\/thumb\.webp$/);
      await page.goto('/profile');
      const avatar = page.getByTestId('avatar-image').first();
      assert.equal(await avatar.getAttribute('src'), me2.body.avatar_url);
      assert.equal(await expectLoaded(avatar), 160);
    });
  });

  it('a master adds portfolio photos in the workspace and clients see them on the master page', { timeout: 120_000 }, async (t) => {
    const master = await registerViaApi({
      email: uniqueEmail('portfolio'),
      password: PASSWORD,
      name: 'Лиза Портфолио',
      role: 'master',
    });
    const categories = await apiCall(master, 'GET', '/api/v1/categories');
    const nails = categories.body.items.find((c) => c.slug === 'nails') ?? categories.body.items[0];
    const profile = await apiCall(master, 'PUT', '/api/v1/masters/me', {
      display_name: 'Лиза Портфолио',
      category_ids: [nails.id],
      location: { lat: 55.7558, lon: 37.6173 },
      city: 'Москва',
      timezone: 'Europe/Moscow',
    });
    assert.ok([200, 201].includes(profile.status), JSON.stringify(profile.body));
    const masterId = profile.body.id;

    await withPage(browser, t, async (page) => {
      await signedIn(page, master, '/workspace/portfolio');
      await page
        .getByTestId('queue-picker')
        .locator('input[type=file]')
        .setInputFiles([
          { name: 'pink.png', mimeType: 'image/png', buffer: png(900, 1200, { from: [250, 200, 210], to: [200, 80, 120] }) },
          { name: 'blue.png', mimeType: 'image/png', buffer: png(1200, 900, { from: [180, 210, 250], to: [60, 80, 160] }) },
        ]);
      await expectText(page.getByTestId('portfolio-count'), /2/, { timeout: 60_000 });
      const items = page.getByTestId('portfolio-item');
      assert.equal(await items.count(), 2);
      const caption = items.first().getByTestId('portfolio-caption');
      await caption.fill('Нежный розовый');
      const save = items.first().getByTestId('portfolio-caption-save');
      await save.click();
      // Saved: nothing left to save.
      for (let i = 0; i < 100 && !(await save.isDisabled()); i++) await sleep(100);
      assert.ok(await save.isDisabled(), 'the caption was saved');
    });
    // Saved on the server in the order they were added, with the caption.
    let portfolio;
    for (let i = 0; i < 50; i++) {
      portfolio = await apiCall(master, 'GET', `/api/v1/masters/${masterId}/portfolio`);
      if (portfolio.body.items[0]?.caption === 'Нежный розовый') break;
      await sleep(100);
    }
    assert.equal(portfolio.body.items.length, 2);
    assert.equal(portfolio.body.items[0].caption, 'Нежный розовый');

    const client = await registerViaApi({ email: uniqueEmail('viewer'), password: PASSWORD, name: 'Ира Клиент' });
    await withPage(browser, t, async (page) => {
      await signedIn(page, client, `/masters/${masterId}`);
      const thumbs = page.getByTestId('portfolio-thumb');
      await thumbs.first().waitFor();
      assert.equal(await thumbs.count(), 2);
      const first = thumbs.first().locator('img');
      await expectLoaded(first);
      assert.ok((await first.getAttribute('srcset'))?.includes('medium'), 'a srcset from the variants');
      await thumbs.first().click();
      const viewer = page.getByTestId('photo-viewer');
      await viewer.waitFor();
      await expectText(page.getByTestId('photo-viewer-caption'), 'Нежный розовый');
      await expectLoaded(viewer.locator('img').first());
      await page.keyboard.press('Escape');
      await viewer.waitFor({ state: 'detached' });
    });
  });

  it('a photo sent in a chat appears on the other side and opens large', { timeout: 120_000 }, async (t) => {
    const anna = await registerViaApi({ email: uniqueEmail('anna-photo'), password: PASSWORD, name: 'Анна Фото' });
    const boris = await registerViaApi({ email: uniqueEmail('boris-photo'), password: PASSWORD, name: 'Борис Фото' });
    const chat = await apiCall(anna, 'POST', '/api/v1/chats', { participant_ids: [boris.user.id] });
    assert.equal(chat.status, 201);
    const chatId = chat.body.id;

    await withPage(browser, t, async (annaPage) => {
      await withPage(browser, t, async (borisPage) => {
        await signedIn(annaPage, anna, `/chats/${chatId}`);
        await signedIn(borisPage, boris, `/chats/${chatId}`);
        await expectText(borisPage.getByTestId('conversation-title'), /Анна Фото/);

        await annaPage
          .getByTestId('attach-photo')
          .setInputFiles({ name: 'nails.png', mimeType: 'image/png', buffer: png(1200, 800, { from: [240, 190, 200], to: [150, 60, 110] }) });
        // Boris sees it arrive in real time, and it really loads (a signed link of his chat).
        const photo = borisPage.getByTestId('message-photo').first();
        await photo.waitFor({ timeout: 60_000 });
        const img = photo.locator('img');
        assert.ok((await expectLoaded(img)) > 0);
        assert.match(await img.getAttribute('src'), /\/media\/[0-9a-f-]+\/(medium|large|thumb)\.(webp|jpg)\?expires=\d+&sig=/);
        await photo.click();
        const viewer = borisPage.getByTestId('photo-viewer');
        await viewer.waitFor();
        const large = viewer.locator('img').first();
        await expectLoaded(large);
        assert.match(await large.evaluate((i) => i.currentSrc), /\/large\.(webp|jpg)\?/);
        await borisPage.keyboard.press('Escape');
        await viewer.waitFor({ state: 'detached' });
        // Anna's own bubble shows it too.
        await expectLoaded(annaPage.getByTestId('message-photo').first().locator('img'));
      });
    });
  });
});
