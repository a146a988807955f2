// Helpers shared by the browser tests: launching the Debian Chromium through playwright-core,
// one fresh context per test, and a screenshot + console log in artifacts/ when a test fails.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

function artifactName(testName) {
  return testName.replace(/[^\w.-]+/g, '_').slice(0, 100);
}

/**
 * Runs `fn(page)` in a fresh browser context. Fails the test on uncaught page errors and on
 * Content-Security-Policy violations (the server's CSP is strict, and the build must obey it).
 */
export async function withPage(browser, t, fn, { viewport = DESKTOP } = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport, locale: 'ru-RU' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(20_000);

  const log = [];
  const problems = [];
  page.on('console', (msg) => {
    const line = `[console.${msg.type()}] ${msg.text()}`;
    log.push(line);
    if (/Content Security Policy/i.test(msg.text())) problems.push(line);
  });
  page.on('pageerror', (error) => {
    const line = `[pageerror] ${error.stack || error.message}`;
    log.push(line);
    problems.push(line);
  });
  page.on('requestfailed', (req) => log.push(`[requestfailed] ${req.method()} ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) log.push(`[http ${res.status()}] ${res.request().method()} ${res.url()}`);
  });

  try {
    await fn(page, context);
    assert.deepEqual(problems, [], 'page errors or CSP violations');
  } catch (error) {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const base = `${ARTIFACTS_DIR}${artifactName(t.name)}`;
    await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {});
    writeFileSync(`${base}.log`, `${page.url()}\n${log.join('\n')}\n`);
    t.diagnostic(`screenshot: ${base}.png`);
    throw error;
  } finally {
    await context.close();
  }
}

/** Polls until the locator's trimmed text equals `expected` (string) or matches it (RegExp). */
export async function expectText(locator, expected, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = (await locator.textContent({ timeout: 1_000 }))?.trim();
    } catch {
      last = undefined;
    }
    const ok = typeof expected === 'string' ? last === expected : expected.test(last ?? '');
    if (ok) return last;
    if (Date.now() > deadline) {
      assert.fail(`expected text ${expected} in ${locator}, last seen: ${JSON.stringify(last)}`);
    }
    await sleep(100);
  }
}

/** Waits until the page's path (without the query string) is `pathname`. */
export async function expectPath(page, pathname, { timeout = 10_000 } = {}) {
  await page.waitForURL((url) => url.pathname === pathname, { timeout });
}

export function uniqueEmail(tag) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return `e2e-${tag}-${stamp}@example.com`;
}

/** One API call as `token` (or anonymous): {status, body} with the body parsed as JSON (null when empty). */
export async function api(method, path, token, body) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Creates a user directly through the API (for tests that need one to exist already). */
export async function registerViaApi({ email, password, name, role = 'client' }) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, name, role }),
  });
  const body = await res.text();
  assert.equal(res.status, 201, `register via API: HTTP ${res.status} ${body}`);
  return JSON.parse(body);
}

/** Opens `path` in `page` signed in as `auth` (the session the web client keeps in localStorage). */
export async function signedIn(page, auth, path) {
  await page.goto('/favicon.svg');
  await page.evaluate((session) => window.localStorage.setItem('service.session', JSON.stringify(session)), {
    accessToken: auth.access_token,
    accessExpiresAt: Date.now() + auth.expires_in * 1000,
    refreshToken: auth.refresh_token,
  });
  await page.goto(path);
}
