import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, DESKTOP, PHONE, expectText, launchBrowser, registerViaApi, signedIn, uniqueEmail, withPage } from '../lib/browser.mjs';

const PASSWORD = 'e2e-secret-password';

async function createChat(auth, otherId) {
  const res = await fetch(`${BASE_URL}/api/v1/chats`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${auth.access_token}` },
    body: JSON.stringify({ participant_ids: [otherId] }),
  });
  assert.equal(res.status, 201);
  return (await res.json()).id;
}

describe('chat', () => {
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
    it(`two people chat in real time: typing, messages, read ticks, unread badge (${label})`, { timeout: 120_000 }, async (t) => {
      const anna = await registerViaApi({ email: uniqueEmail('anna'), password: PASSWORD, name: 'Анна Чат' });
      const boris = await registerViaApi({ email: uniqueEmail('boris'), password: PASSWORD, name: 'Борис Чат' });
      const chatId = await createChat(anna, boris.user.id);

      await withPage(
        browser,
        t,
        async (annaPage) => {
          await withPage(
            browser,
            t,
            async (borisPage) => {
              await signedIn(annaPage, anna, `/chats/${chatId}`);
              await signedIn(borisPage, boris, `/chats/${chatId}`);
              await expectText(annaPage.getByTestId('conversation-title'), /Борис Чат/);
              await expectText(borisPage.getByTestId('conversation-title'), /Анна Чат/);

              // Typing shows up on the other side.
              const annaInput = annaPage.getByTestId('composer-input');
              await annaInput.click();
              await annaInput.pressSequentially('При', { delay: 50 });
              await borisPage.getByTestId('typing-indicator').waitFor();

              // A message appears on both sides once, and Anna sees it read (Boris has the chat open).
              await annaInput.pressSequentially('вет, Борис!', { delay: 10 });
              await annaInput.press('Enter');
              const borisMessages = borisPage.getByTestId('message');
              await expectText(borisMessages.last(), /Привет, Борис!/);
              assert.equal(await borisMessages.count(), 1);
              await annaPage.locator('[data-testid="message-status"][data-status="read"]').waitFor({ timeout: 15_000 });

              // Boris answers; Anna gets it live.
              const borisInput = borisPage.getByTestId('composer-input');
              await borisInput.fill('Привет, Анна!');
              await borisPage.getByTestId('send-button').click();
              await expectText(annaPage.getByTestId('message').last(), /Привет, Анна!/);

              // Boris leaves the conversation for the list; a new message shows an unread badge.
              await borisPage.goto('/chats');
              await borisPage.getByTestId('chat-list').waitFor();
              await annaInput.fill('Ты тут?');
              await annaInput.press('Enter');
              const item = borisPage.locator(`[data-testid="chat-item"][data-chat-id="${chatId}"]`);
              await expectText(item.getByTestId('unread-badge'), /1/);
              await expectText(item.getByTestId('chat-preview'), /Ты тут\?/);

              // Opening it marks it read: the badge goes away.
              await item.click();
              await expectText(borisPage.getByTestId('message').last(), /Ты тут\?/);
              await borisPage.goto('/chats');
              await item.waitFor();
              assert.equal(await item.getByTestId('unread-badge').count(), 0);
            },
            { viewport },
          );
        },
        { viewport },
      );
    });
  }
});
