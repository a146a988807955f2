// Set-up shared by the route tests of chats: people, a direct chat, an open conversation.
import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { FakeSocketServer } from '@/testing/fake-socket';
import { addMessage, seedChat } from '@/testing/mocks/chats-db';
import { createUser, type StoredUser } from '@/testing/mocks/db';
import { renderApp, seedUser } from '@/testing/test-utils';

export function person(name: string): StoredUser {
  return createUser({ email: `${name.toLowerCase()}@example.org`, password: 'correct horse battery', name });
}

/** Me (Ольга, signed in) and Анна in a direct chat, with `messages` from her. */
export function setupDirect({ messages = 0 }: { messages?: number } = {}) {
  const me = seedUser({ name: 'Ольга', email: 'olga@example.com' }, { loggedIn: true });
  const anna = person('Анна');
  const chat = seedChat({ members: [anna, me] });
  for (let i = 1; i <= messages; i += 1) addMessage(chat.id, anna.id, { content: `Сообщение ${i}` });
  return { me, anna, chat };
}

/** Renders the conversation and waits until the socket is connected. */
export async function openConversation(chatId: string, sockets = new FakeSocketServer()) {
  const view = renderApp(`/chats/${chatId}`, { sockets });
  await screen.findByTestId('conversation');
  await waitFor(() => expect(view.realtime.getStatus()).toBe('connected'));
  return view;
}
