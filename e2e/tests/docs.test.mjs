import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, expectText, launchBrowser, withPage } from '../lib/browser.mjs';

describe('API docs', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('/docs renders Swagger UI with the title of the OpenAPI document', { timeout: 60_000 }, async (t) => {
    const res = await fetch(`${BASE_URL}/api/v1/openapi.json`);
    assert.equal(res.status, 200, 'openapi.json is served');
    const spec = await res.json();
    const title = spec?.info?.title;
    assert.ok(typeof title === 'string' && title.length > 0, 'the document has info.title');

    await withPage(browser, t, async (page) => {
      await page.goto('/docs');
      const heading = page.locator('.swagger-ui .info .title');
      await heading.waitFor({ timeout: 20_000 });
      const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await expectText(heading, new RegExp(escaped));
      // Every documented operation gets a block (the document may still be a stub).
      const operations = Object.values(spec.paths ?? {}).length;
      if (operations > 0) await page.locator('.swagger-ui .opblock').first().waitFor();
    });
  });
});
