// Search in a real browser against the real server: a master (made through the API) offers a
// service named with a made-up word; a client types that word on the wrong keyboard layout into
// the header's search box and presses Enter (the server reads it back), then with a typo (the
// server says which query it showed) and opens the master; then types the start of the word,
// picks the service from the suggestions and opens the master from the service's card.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, DESKTOP, PHONE, expectPath, expectText, launchBrowser, registerViaApi, signedIn, uniqueEmail, withPage } from '../lib/browser.mjs';

const PASSWORD = 'e2e-secret-password';

// Russian letters and the Latin keys they sit on (ЙЦУКЕН over QWERTY); only letters whose key is a letter.
const LAYOUT = { й: 'q', ц: 'w', у: 'e', к: 'r', е: 't', н: 'y', г: 'u', ш: 'i', щ: 'o', з: 'p', ф: 'a', ы: 's', в: 'd', а: 'f', п: 'g', р: 'h', о: 'j', л: 'k', д: 'l', я: 'z', ч: 'x', с: 'c', м: 'v', и: 'b', т: 'n', ь: 'm' };
const LETTERS = Object.keys(LAYOUT).filter((l) => l !== 'ь' && l !== 'й');

/** A word no dictionary has: ten random Russian letters. */
function madeUpWord() {
  return Array.from({ length: 10 }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join('');
}

const onWrongLayout = (word) => [...word].map((l) => LAYOUT[l]).join('');

/** One letter off (not the first: a typo there costs two). */
function withTypo(word) {
  const at = word.length - 3;
  const other = LETTERS.find((l) => l !== word[at]);
  return `${word.slice(0, at)}${other}${word.slice(at + 1)}`;
}

/**
 * Waits until the server suggests `serviceName` for `prefix`: each node answers suggestions from
 * a snapshot of the names it reloads every few seconds (server/src/modules/search/service.cpp).
 */
async function waitForSuggestion(prefix, serviceName, { timeout = 15_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const res = await api('GET', `/api/v1/search/suggest?${new URLSearchParams({ q: prefix })}`);
    if (res.status === 200 && res.body.items.some((s) => s.kind === 'service' && s.text === serviceName)) return;
    if (Date.now() > deadline) assert.fail(`the server never suggested ${serviceName} for ${prefix}: ${JSON.stringify(res.body)}`);
    await sleep(500);
  }
}

/** A master near the centre of Moscow with one active service called "Маникюр <word>". */
async function seedMaster({ name, word }) {
  const auth = await registerViaApi({ email: uniqueEmail('search-master'), password: PASSWORD, name, role: 'master' });
  const token = auth.access_token;
  const categories = (await api('GET', '/api/v1/categories')).body.items;
  const category = (categories.find((c) => c.slug === 'manicure') ?? categories.find((c) => c.slug === 'nails') ?? categories[0]).id;
  let res = await api('PUT', '/api/v1/masters/me', token, {
    display_name: name,
    category_ids: [category],
    address: 'ул. Тверская, 1',
    city: 'Москва',
    location: { lat: 55.7601, lon: 37.6186 },
    timezone: 'Europe/Moscow',
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const masterId = res.body.id;
  res = await api('POST', '/api/v1/masters/me/services', token, {
    name: `Маникюр ${word}`,
    category_id: category,
    price_minor: 170000,
    currency: 'RUB',
    duration_min: 60,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { masterId, serviceName: res.body.name };
}

describe('search', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ]) {
    it(`finds a service typed on the wrong layout and by its start (${label})`, { timeout: 120_000 }, async (t) => {
      const stamp = Date.now().toString(36);
      const word = madeUpWord();
      const masterName = `Мастер Поиск ${label} ${stamp}`;
      const { masterId, serviceName } = await seedMaster({ name: masterName, word });
      const client = await registerViaApi({ email: uniqueEmail('search-client'), password: PASSWORD, name: `Клиент ${stamp}` });

      await withPage(
        browser,
        t,
        async (page) => {
          await signedIn(page, client, '/');
          const box = page.getByRole('combobox', { name: 'Поиск' });
          await box.waitFor();

          // The word on the wrong layout, then Enter: the server reads it as the Russian word.
          await box.fill(onWrongLayout(word));
          await box.press('Enter');
          await expectPath(page, '/search');
          assert.equal(new URL(page.url()).searchParams.get('q'), onWrongLayout(word));
          let card = page.getByTestId('master-card').filter({ hasText: masterName });
          await expectText(card.getByTestId('master-min-price'), /от 1\s700\s₽/);

          // With a typo: the server corrects it and the page says what it showed.
          await box.fill(withTypo(word));
          await box.press('Enter');
          await page.waitForURL((url) => url.searchParams.get('q') === withTypo(word));
          await expectText(page.getByTestId('search-corrected'), new RegExp(`Показаны результаты по запросу «${word}»`));
          card = page.getByTestId('master-card').filter({ hasText: masterName });
          await card.getByTestId('master-card-link').click();
          await expectPath(page, `/masters/${masterId}`);
          await expectText(page.getByTestId('master-name'), masterName);
          // Back returns to the same results, the query in the box.
          await page.goBack();
          await expectPath(page, '/search');
          await page.getByTestId('search-corrected').waitFor();
          assert.equal(await box.inputValue(), withTypo(word));

          // The start of the word: the service is suggested as it is typed.
          await waitForSuggestion(word.slice(0, 6), serviceName);
          await box.fill('');
          await box.pressSequentially(word.slice(0, 6), { delay: 30 });
          const suggestion = page.locator('[data-testid="search-option"][data-kind="service"]').filter({ hasText: serviceName });
          await expectText(suggestion, new RegExp(`^${serviceName}`));
          assert.equal(await box.getAttribute('aria-expanded'), 'true');
          await suggestion.click();
          await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('type') === 'services');
          const hit = page.getByTestId('service-hit').filter({ hasText: masterName });
          // The matched word is marked in the service's name.
          await expectText(hit.getByTestId('service-hit-name').locator('mark', { hasText: word }), word);
          await expectText(hit.getByTestId('service-hit-price'), /1\s700\s₽/);
          await hit.getByTestId('service-hit-master').click();
          await expectPath(page, `/masters/${masterId}`);
          await expectText(page.getByTestId('master-name'), masterName);

          // The searches are remembered: focusing the empty box lists them.
          await box.fill('');
          await box.click();
          const recent = page.getByRole('listbox', { name: 'Недавние запросы' });
          await expectText(recent.getByRole('option').first(), new RegExp(serviceName));
        },
        { viewport },
      );
    });
  }
});
