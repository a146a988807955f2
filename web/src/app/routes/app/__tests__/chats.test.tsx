import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import { daysFromToday } from '@/testing/dates';
import { FakeSocketServer } from '@/testing/fake-socket';
import { addMessage, cdb, moveMarks, seedChat, setPresence } from '@/testing/mocks/chats-db';
import { API, problem } from '@/testing/mocks/handlers';
import { mdb, seedBooking, seedMaster } from '@/testing/mocks/marketplace-db';
import { server } from '@/testing/mocks/server';
import { openConversation, person, setupDirect } from '@/testing/chats';
import { renderApp, seedUser, waitForPath } from '@/testing/test-utils';

const texts = () => screen.queryAllByTestId('message').map((m) => m.querySelector('.msg__text')?.textContent);

describe('chats', () => {
  it('lists conversations by last activity with unread badges and online dots', async () => {
    const me = seedUser({ name: 'Ольга', email: 'olga@example.com' }, { loggedIn: true });
    const anna = person('Анна');
    const boris = person('Борис');
    const old = seedChat({ members: [boris, me], messages: [[me, 'Добрый день']] });
    const direct = seedChat({ members: [anna, me], messages: [[anna, 'Привет'], [anna, 'Как дела?']] });
    seedChat({ members: [me, anna, boris], title: 'Девичник', messages: [[boris, 'Во сколько?']] });
    setPresence(anna.id, true);

    renderApp('/chats');

    const list = await screen.findByTestId('chat-list');
    const items = within(list).getAllByTestId('chat-item');
    expect(items.map((i) => within(i).getByTestId('chat-name').textContent)).toEqual(['Девичник', 'Анна', 'Борис']);
    expect(items.map((i) => within(i).getByTestId('chat-preview').textContent)).toEqual([
      'Борис: Во сколько?',
      'Как дела?',
      'Вы: Добрый день',
    ]);
    expect(within(items[1]!).getByTestId('unread-badge')).toHaveTextContent('2');
    expect(within(items[1]!).getByTestId('unread-badge')).toHaveAccessibleName('2 непрочитанных');
    expect(within(items[0]!).getByTestId('unread-badge')).toHaveTextContent('1');
    expect(within(items[2]!).queryByTestId('unread-badge')).not.toBeInTheDocument();
    expect(within(items[1]!).getByTestId('online-dot')).toHaveAccessibleName('в сети');
    expect(within(items[2]!).queryByTestId('online-dot')).not.toBeInTheDocument();
    expect(items[2]).toHaveAttribute('href', `/chats/${old.id}`);
    expect(items[1]).toHaveAttribute('href', `/chats/${direct.id}`);

    const nav = screen.getByRole('navigation', { name: 'Разделы' });
    expect(within(nav).getByTestId('nav-unread')).toHaveTextContent('3');
    expect(within(nav).getByRole('link', { name: /Сообщения/ })).toHaveTextContent('3 непрочитанных');
  });

  it('marks the open conversation read and clears the unread badges', async () => {
    const { chat, anna } = setupDirect({ messages: 2 });
    const { sockets } = await openConversation(chat.id);

    await waitFor(() => expect(sockets.emitted('message:read').map((e) => e.payload)).toEqual([{ chat_id: chat.id, up_to_seq: 2 }]));
    expect(screen.getByTestId('conversation-title')).toHaveTextContent('Анна');
    // Her name leads to her profile.
    expect(within(screen.getByTestId('conversation-title')).getByRole('link')).toHaveAttribute('href', `/users/${anna.id}`);
    await waitFor(() => expect(screen.queryByTestId('nav-unread')).not.toBeInTheDocument());
    expect(screen.queryByTestId('unread-badge')).not.toBeInTheDocument();
  });

  it('shows a sent message at once, ✓ after the ack, ✓✓ when delivered and coloured when read', async () => {
    const { chat, anna } = setupDirect({ messages: 2 });
    const sockets = new FakeSocketServer();
    sockets.holdSendAcks = true;
    const { user } = await openConversation(chat.id, sockets);

    await user.type(screen.getByLabelText('Сообщение'), 'Привет!{Enter}');

    const mine = await screen.findByText('Привет!');
    const bubble = mine.closest('li')!;
    expect(within(bubble).getByTestId('message-status')).toHaveAttribute('data-status', 'sending');
    expect(within(bubble).getByRole('img', { name: 'Отправляется' })).toBeInTheDocument();
    expect(screen.getByLabelText('Сообщение')).toHaveValue('');
    const [send] = sockets.emitted('message:send');
    expect(send!.payload).toMatchObject({ chat_id: chat.id, type: 'text', content: 'Привет!' });
    const clientMsgId = (send!.payload as { client_msg_id: string }).client_msg_id;
    expect(clientMsgId).toMatch(/^[0-9a-f-]{36}$/);

    sockets.ackSend();
    await waitFor(() =>
      expect(within(screen.getByText('Привет!').closest('li')!).getByTestId('message-status')).toHaveAttribute(
        'data-status',
        'sent',
      ),
    );
    const stored = cdb.messages.get(chat.id)!.at(-1)!;
    expect(stored).toMatchObject({ seq: 3, client_msg_id: clientMsgId });
    const status = () => within(screen.getByText('Привет!').closest('li')!).getByTestId('message-status');
    expect(status()).toHaveTextContent('✓');
    expect(status()).toHaveAccessibleName('Отправлено');

    sockets.push('message:status', moveMarks(chat.id, anna.id, 'delivered', 3));
    await waitFor(() => expect(status()).toHaveAttribute('data-status', 'delivered'));
    expect(status()).toHaveTextContent('✓✓');

    sockets.push('message:status', moveMarks(chat.id, anna.id, 'read', 3));
    await waitFor(() => expect(status()).toHaveAttribute('data-status', 'read'));
    expect(status()).toHaveClass('ticks--read');
    expect(status()).toHaveAccessibleName('Прочитано');
    // One copy only, even though it was both pending and stored.
    expect(screen.getAllByText('Привет!')).toHaveLength(1);
  });

  it('shows an incoming message once even when the reconnect catch-up returns it too', async () => {
    const { chat, anna } = setupDirect({ messages: 2 });
    const { sockets, queryClient, realtime } = await openConversation(chat.id);
    await waitFor(() => expect(texts()).toEqual(['Сообщение 1', 'Сообщение 2']));

    const first = addMessage(chat.id, anna.id, { content: 'Ты тут?' });
    sockets.push('message:new', first);
    await waitFor(() => expect(texts()).toEqual(['Сообщение 1', 'Сообщение 2', 'Ты тут?']));
    // Acknowledged as delivered at once.
    await waitFor(() =>
      expect(sockets.emitted('message:delivered').map((e) => e.payload)).toContainEqual({ chat_id: chat.id, up_to_seq: 3 }),
    );

    // Written while the connection was down; the server also delivers it as message:new on
    // reconnect (at-least-once), while the slower catch-up is still on its way.
    sockets.drop();
    const second = addMessage(chat.id, anna.id, { content: 'Ау!' });
    server.use(
      http.get(`${API}/chats/:id/messages`, async () => {
        await delay(40); // then fall through to the regular handler
      }),
    );
    sockets.reconnect();
    await waitFor(() => expect(realtime.getStatus()).toBe('connected'));
    expect(queryClient.isFetching({ queryKey: ['chats', 'messages'] })).toBe(1);
    sockets.push('message:new', second);
    sockets.push('message:new', second);

    await waitFor(() => expect(cdb.calls.messageQueries.some((q) => q.params.get('after_seq') === '3')).toBe(true));
    await waitFor(() => expect(queryClient.isFetching({ queryKey: ['chats', 'messages'] })).toBe(0));
    expect(texts()).toEqual(['Сообщение 1', 'Сообщение 2', 'Ты тут?', 'Ау!']);
    expect(screen.getAllByTestId('message').map((m) => m.dataset.seq)).toEqual(['1', '2', '3', '4']);
  });

  it('catches up after a reconnect with after_seq = the highest seq held', async () => {
    const { chat, anna } = setupDirect({ messages: 2 });
    const { sockets } = await openConversation(chat.id);
    await waitFor(() => expect(texts()).toHaveLength(2));

    sockets.drop();
    expect(await screen.findByTestId('connection-banner')).toHaveTextContent('Переподключение…');
    // Written while we were away: no socket event will ever announce them.
    addMessage(chat.id, anna.id, { content: 'Пока тебя не было' });
    addMessage(chat.id, anna.id, { content: 'И ещё' });
    const before = cdb.calls.messageQueries.length;

    sockets.reconnect();
    await waitFor(() => expect(texts()).toEqual(['Сообщение 1', 'Сообщение 2', 'Пока тебя не было', 'И ещё']));
    const catchUp = cdb.calls.messageQueries.slice(before).find((q) => q.chatId === chat.id)!;
    expect(catchUp.params.get('after_seq')).toBe('2');
    expect(screen.queryByTestId('connection-banner')).not.toBeInTheDocument();
    // Read up to the newest one, now that it is on screen.
    await waitFor(() =>
      expect(sockets.emitted('message:read').map((e) => e.payload)).toContainEqual({ chat_id: chat.id, up_to_seq: 4 }),
    );
  });

  it('shows and hides the typing indicator, and emits my typing', async () => {
    const { chat, anna } = setupDirect({ messages: 2 });
    setPresence(anna.id, false, '2020-01-01T10:00:00Z');
    const { sockets, user } = await openConversation(chat.id);
    expect(screen.getByTestId('presence')).toHaveTextContent(/^был\(а\) в сети/);

    sockets.push('typing', { chat_id: chat.id, user_id: anna.id, is_typing: true });
    expect(await screen.findByTestId('typing-indicator')).toHaveTextContent('Анна печатает…');
    sockets.push('typing', { chat_id: chat.id, user_id: anna.id, is_typing: false });
    await waitFor(() => expect(screen.queryByTestId('typing-indicator')).not.toBeInTheDocument());

    sockets.push('presence', { user_id: anna.id, online: true, last_seen_at: null });
    await waitFor(() => expect(screen.getByTestId('presence')).toHaveTextContent('в сети'));

    await user.type(screen.getByLabelText('Сообщение'), 'Пишу');
    // Throttled: one "typing" for a burst of keystrokes.
    expect(sockets.emitted('typing').map((e) => e.payload)).toEqual([{ chat_id: chat.id, is_typing: true }]);
    await user.keyboard('{Enter}');
    expect(sockets.emitted('typing').map((e) => e.payload)).toEqual([
      { chat_id: chat.id, is_typing: true },
      { chat_id: chat.id, is_typing: false },
    ]);
  });

  it('loads older messages when scrolled to the top', async () => {
    const { chat } = setupDirect({ messages: 60 });
    await openConversation(chat.id);
    await waitFor(() => expect(texts()).toHaveLength(50));
    expect(texts()[0]).toBe('Сообщение 11');

    fireEvent.scroll(screen.getByRole('log', { name: 'История сообщений' }));

    await waitFor(() => expect(texts()).toHaveLength(60));
    expect(texts()[0]).toBe('Сообщение 1');
    const older = cdb.calls.messageQueries.find((q) => q.params.has('before_seq'))!;
    expect(older.params.get('before_seq')).toBe('11');
    expect(screen.queryByRole('button', { name: 'Показать предыдущие сообщения' })).not.toBeInTheDocument();
  });

  it('sends over REST while the socket is down, and retries a failure with the same client_msg_id', async () => {
    const { chat } = setupDirect({ messages: 2 });
    const sockets = new FakeSocketServer();
    sockets.authorize = () => false;
    const { user, realtime } = renderApp(`/chats/${chat.id}`, { sockets });
    await screen.findByTestId('conversation');
    await waitFor(() => expect(realtime.getStatus()).toBe('offline'));
    expect(screen.getByTestId('connection-banner')).toHaveTextContent('Нет связи с сервером сообщений');

    server.use(http.post(`${API}/chats/:id/messages`, () => problem(503, 'service_unavailable', 'Unavailable'), { once: true }));
    await user.type(screen.getByLabelText('Сообщение'), 'Через REST{Enter}');

    const failed = await screen.findByRole('alert');
    expect(failed).toHaveTextContent('Не отправлено');
    expect(within(screen.getByText('Через REST').closest('li')!).getByTestId('message-status')).toHaveAttribute(
      'data-status',
      'failed',
    );
    await user.click(within(failed).getByRole('button', { name: 'Повторить' }));

    await waitFor(() =>
      expect(within(screen.getByText('Через REST').closest('li')!).getByTestId('message-status')).toHaveAttribute(
        'data-status',
        'sent',
      ),
    );
    expect(cdb.messages.get(chat.id)!.at(-1)!.content).toBe('Через REST');
    expect(sockets.emitted('message:send')).toHaveLength(0);
  });

  it('keeps Shift+Enter as a new line and counts characters', async () => {
    const { chat } = setupDirect({ messages: 0 });
    const { user, sockets } = await openConversation(chat.id);
    expect(screen.getByText('Сообщений пока нет — напишите первым.')).toBeInTheDocument();

    const box = screen.getByLabelText('Сообщение');
    await user.type(box, 'раз{Shift>}{Enter}{/Shift}два');
    expect(box).toHaveValue('раз\nдва');
    expect(screen.getByTestId('composer-counter')).toHaveTextContent('7 / 4000');
    expect(box).toHaveAttribute('maxlength', '4000');
    expect(sockets.emitted('message:send')).toEqual([]);
  });

  it('edits and deletes my own message', async () => {
    const me = seedUser({ name: 'Ольга', email: 'olga@example.com' }, { loggedIn: true });
    const anna = person('Анна');
    const chat = seedChat({ members: [anna, me], messages: [[anna, 'Привет'], [me, 'Опечатка']] });
    const { user } = await openConversation(chat.id);

    const own = (await screen.findByText('Опечатка')).closest('li')!;
    expect(own).toHaveClass('msg--own');
    expect(within(screen.getByText('Привет').closest('li')!).queryByRole('button', { name: 'Изменить' })).toBeNull();
    await user.click(within(own).getByRole('button', { name: 'Изменить' }));
    const editor = within(own).getByLabelText('Текст сообщения');
    await user.clear(editor);
    await user.type(editor, 'Исправлено{Enter}');
    await waitFor(() => expect(screen.getByText('Исправлено')).toBeInTheDocument());
    expect(within(screen.getByText('Исправлено').closest('li')!).getByText('изменено')).toBeInTheDocument();

    const edited = screen.getByText('Исправлено').closest('li')!;
    await user.click(within(edited).getByRole('button', { name: 'Удалить' }));
    const confirm = within(edited).getByRole('group', { name: 'Удалить сообщение у всех?' });
    await user.click(within(confirm).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(screen.getByText('Сообщение удалено')).toBeInTheDocument());
    expect(cdb.messages.get(chat.id)![1]!.deleted).toBe(true);
  });

  it('opens the direct chat from a master page, once', async () => {
    seedUser({ name: 'Ольга', email: 'olga@example.com' }, { loggedIn: true });
    const { master } = seedMaster({ user: { name: 'Мария' } });
    const { user } = renderApp(`/masters/${master.id}`);

    await user.click(await screen.findByRole('button', { name: 'Написать' }));
    const [chat] = [...cdb.chats.values()];
    await waitForPath(`/chats/${chat!.id}`);
    expect(await screen.findByTestId('conversation-title')).toHaveTextContent('Мария');

    window.history.back();
    await user.click(await screen.findByRole('button', { name: 'Написать' }));
    await waitForPath(`/chats/${chat!.id}`);
    expect(cdb.chats.size).toBe(1);
  });

  it('refreshes bookings on booking:updated', async () => {
    const client = seedUser({ name: 'Анна' }, { loggedIn: true });
    const { master, services } = seedMaster({ user: { name: 'Мария' } });
    const booking = seedBooking({ client, master, service: services[0]!, start: `${daysFromToday(30)}T07:00:00Z` });
    const { sockets, realtime } = renderApp('/bookings');
    const card = await screen.findByTestId('booking-card');
    expect(within(card).getByTestId('booking-status')).toHaveTextContent('Ждёт подтверждения');
    await waitFor(() => expect(realtime.getStatus()).toBe('connected'));

    const stored = mdb.bookings.get(booking.id)!;
    stored.status = 'confirmed';
    sockets.push('booking:updated', stored);
    await waitFor(() =>
      expect(within(screen.getByTestId('booking-card')).getByTestId('booking-status')).toHaveTextContent('Подтверждена'),
    );
  });

  it('speaks English when switched', async () => {
    const { chat, anna } = setupDirect({ messages: 2 });
    setLanguage('en');
    const { sockets } = await openConversation(chat.id);

    expect(screen.getByRole('heading', { name: 'Messages', level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText('Message')).toHaveAttribute('placeholder', 'Write a message…');
    expect(screen.getByRole('button', { name: 'Send' })).toBeInTheDocument();
    expect(screen.getByRole('log', { name: 'Message history' })).toBeInTheDocument();
    expect(screen.getByTestId('presence')).toHaveTextContent('offline');
    expect(screen.getAllByTestId('day-separator')[0]).toHaveTextContent(/^(Today|Yesterday|\d+ \w+( \d{4})?)$/);
    sockets.push('typing', { chat_id: chat.id, user_id: anna.id, is_typing: true });
    expect(await screen.findByTestId('typing-indicator')).toHaveTextContent('Анна is typing…');
    sockets.drop();
    expect(await screen.findByTestId('connection-banner')).toHaveTextContent('Reconnecting…');
  });
});
