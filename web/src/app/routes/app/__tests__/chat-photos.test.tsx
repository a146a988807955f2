import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import { FakeSocketServer } from '@/testing/fake-socket';
import { addMessage, addPhotoMessage, cdb, seedChat } from '@/testing/mocks/chats-db';
import { holdUploads, mediaDb } from '@/testing/mocks/media-db';
import { objectUrls } from '@/testing/object-urls';
import { openConversation, person, setupDirect } from '@/testing/chats';
import { renderApp } from '@/testing/test-utils';
import { recordXhrs, reportUploadProgress } from '@/testing/xhr-uploads';

// Photos in chats: picked, dropped or pasted into the send box, uploaded as chat photos
// (features/media), sent by media_id; shown in bubbles with their variants and full screen.

function photo(name = 'nails.jpg', type = 'image/jpeg', bytes = 1000): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sentPayloads = (sockets: FakeSocketServer) => sockets.emitted('message:send').map((e) => e.payload);
const chatMediaIds = () => [...mediaDb.media.values()].filter((m) => m.purpose === 'chat').map((m) => m.id);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sending photos in a chat', () => {
  it('uploads a picked photo with its preview and progress, then sends it by media_id', async () => {
    const { chat } = setupDirect();
    const sockets = new FakeSocketServer();
    sockets.holdSendAcks = true;
    const xhrs = recordXhrs();
    const held = holdUploads();
    const { user } = await openConversation(chat.id, sockets);

    const input = screen.getByLabelText('Прикрепить фото');
    expect(input).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp,image/heic,image/heif');
    await user.upload(input, photo('nails.jpg'));

    const upload = await screen.findByTestId('chat-photo-upload');
    expect(within(upload).getByRole('img', { name: 'Выбранное фото: nails.jpg' })).toHaveAttribute('src', objectUrls.created[0]);
    const bar = await within(upload).findByRole('progressbar', { name: 'Загрузка nails.jpg' });
    await waitFor(() => expect(xhrs).toHaveLength(1));
    reportUploadProgress(xhrs[0]!, 250, 1000);
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '25'));
    expect(sentPayloads(sockets)).toEqual([]);

    held.release();
    await waitFor(() => expect(sentPayloads(sockets)).toHaveLength(1));
    expect(mediaDb.calls.uploads).toEqual([{ purpose: 'chat', content_type: 'image/jpeg', size_bytes: 1000 }]);
    const [mediaId] = chatMediaIds();
    // By media id only: no content, no URL.
    expect(sentPayloads(sockets)[0]).toEqual({ chat_id: chat.id, type: 'image', media_id: mediaId, client_msg_id: expect.stringMatching(UUID) });
    await waitFor(() => expect(screen.queryByTestId('chat-photo-upload')).not.toBeInTheDocument());

    // Shown at once as "sending", with the uploaded photo.
    const pending = screen.getByTestId('message');
    expect(pending).toHaveAttribute('data-pending', 'sending');
    expect(within(pending).getByRole('img', { name: 'Фото, автор: Ольга' }).getAttribute('srcset')).toContain(`/media/${mediaId}/medium.jpg 640w`);

    sockets.ackSend();
    await waitFor(() => expect(within(screen.getByTestId('message')).getByTestId('message-status')).toHaveAttribute('data-status', 'sent'));
    expect(screen.getAllByTestId('message')).toHaveLength(1);
    const clientMsgId = (sentPayloads(sockets)[0] as { client_msg_id: string }).client_msg_id;
    expect(cdb.messages.get(chat.id)!.at(-1)).toMatchObject({ type: 'image', content: '', media: { id: mediaId }, client_msg_id: clientMsgId });
    expect(within(screen.getByTestId('chat-list')).getByTestId('chat-preview')).toHaveTextContent('Вы: Фото');
  });

  it('cancels an upload, says why one failed, and sends it after a retry', async () => {
    const { chat } = setupDirect();
    const held = holdUploads();
    const { user, sockets } = await openConversation(chat.id);

    await user.upload(screen.getByLabelText('Прикрепить фото'), photo('first.jpg'));
    await screen.findByRole('progressbar', { name: 'Загрузка first.jpg' });
    await user.click(within(screen.getByTestId('chat-photo-upload')).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByTestId('chat-photo-upload')).not.toBeInTheDocument();
    // The abandoned upload is deleted, so it does not count against the pending ones.
    const [cancelled] = mediaDb.calls.puts.map((p) => p.id);
    await waitFor(() => expect(mediaDb.calls.deletes).toEqual([cancelled]));
    held.release();

    mediaDb.failWith = 'corrupt';
    await user.upload(screen.getByLabelText('Прикрепить фото'), photo('second.jpg'));
    expect(await screen.findByTestId('upload-error')).toHaveTextContent('Не удалось обработать фото: файл повреждён');

    mediaDb.failWith = null;
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(sentPayloads(sockets)).toHaveLength(1));
    const ready = [...mediaDb.media.values()].find((m) => m.status === 'ready')!;
    expect(sentPayloads(sockets)[0]).toMatchObject({ type: 'image', media_id: ready.id });
    await waitFor(() => expect(screen.queryByTestId('chat-photo-upload')).not.toBeInTheDocument());
  });

  it('refuses a file that is too large before sending anything', async () => {
    const { chat } = setupDirect();
    const { user, sockets } = await openConversation(chat.id);
    const big = photo('huge.jpg');
    Object.defineProperty(big, 'size', { value: 15 * 1024 * 1024 + 1 });

    await user.upload(screen.getByLabelText('Прикрепить фото'), big);

    expect(await screen.findByTestId('upload-error')).toHaveTextContent('Файл слишком большой: можно до 15 МБ');
    expect(mediaDb.calls.uploads).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Убрать' }));
    expect(screen.queryByTestId('chat-photo-upload')).not.toBeInTheDocument();
    expect(sentPayloads(sockets)).toEqual([]);
  });

  it('starts an upload for an image pasted into the message box, and leaves pasted text alone', async () => {
    const { chat } = setupDirect();
    const { sockets } = await openConversation(chat.id);
    const box = screen.getByLabelText('Сообщение');

    // Text only: not taken (the default paste goes on).
    expect(fireEvent.paste(box, { clipboardData: { files: [], types: ['text/plain'] } })).toBe(true);
    expect(screen.queryByTestId('chat-photo-upload')).not.toBeInTheDocument();

    expect(fireEvent.paste(box, { clipboardData: { files: [photo('screenshot.png', 'image/png')], types: ['Files'] } })).toBe(false);
    expect(await screen.findByRole('img', { name: 'Выбранное фото: screenshot.png' })).toBeInTheDocument();
    await waitFor(() => expect(mediaDb.calls.uploads).toEqual([{ purpose: 'chat', content_type: 'image/png', size_bytes: 1000 }]));
    await waitFor(() => expect(sentPayloads(sockets)).toEqual([expect.objectContaining({ type: 'image', media_id: chatMediaIds()[0] })]));
  });

  it('takes several photos dropped on the conversation and sends each as its own message', async () => {
    const { chat } = setupDirect();
    const { sockets } = await openConversation(chat.id);
    const conversation = screen.getByTestId('conversation');

    fireEvent.dragEnter(conversation, { dataTransfer: { types: ['Files'], files: [] } });
    expect(screen.getByText('Отпустите, чтобы отправить фото')).toBeInTheDocument();
    fireEvent.drop(conversation, {
      dataTransfer: { types: ['Files'], files: [photo('a.jpg'), photo('b.webp', 'image/webp'), new File(['x'], 'notes.txt', { type: 'text/plain' })] },
    });
    expect(screen.queryByText('Отпустите, чтобы отправить фото')).not.toBeInTheDocument();

    // The text file is not a photo: only two uploads.
    await waitFor(() => expect(sentPayloads(sockets)).toHaveLength(2));
    expect(mediaDb.calls.uploads.map((u) => (u as { content_type: string }).content_type).sort()).toEqual(['image/jpeg', 'image/webp']);
    expect(new Set(sentPayloads(sockets).map((p) => (p as { media_id: string }).media_id))).toEqual(new Set(chatMediaIds()));
    await waitFor(() => expect(cdb.messages.get(chat.id)!.filter((m) => m.type === 'image')).toHaveLength(2));
  });

  it('takes at most 10 photos at a time and says so', async () => {
    const { chat } = setupDirect();
    holdUploads();
    await openConversation(chat.id);

    const files = Array.from({ length: 12 }, (_, i) => photo(`p${i + 1}.jpg`));
    fireEvent.drop(screen.getByTestId('conversation'), { dataTransfer: { types: ['Files'], files } });

    expect(await screen.findByTestId('composer-photos-skipped')).toHaveTextContent('За раз можно прикрепить не больше 10 фото');
    expect(screen.getAllByTestId('chat-photo-upload').map((item) => within(item).getByText(/^p\d+\.jpg$/).textContent)).toEqual(
      files.slice(0, 10).map((f) => f.name),
    );
  });

  it('sends a photo over REST while the socket is down', async () => {
    const { chat } = setupDirect();
    const sockets = new FakeSocketServer();
    sockets.authorize = () => false;
    const { user, realtime } = renderApp(`/chats/${chat.id}`, { sockets });
    await screen.findByTestId('conversation');
    await waitFor(() => expect(realtime.getStatus()).toBe('offline'));

    await user.upload(screen.getByLabelText('Прикрепить фото'), photo());

    await waitFor(() => expect(cdb.calls.posts).toHaveLength(1));
    expect(cdb.calls.posts[0]).toEqual({ type: 'image', media_id: chatMediaIds()[0], client_msg_id: expect.stringMatching(UUID) });
    await waitFor(() => expect(within(screen.getByTestId('message')).getByTestId('message-status')).toHaveAttribute('data-status', 'sent'));
  });
});

describe('photos in the conversation', () => {
  it('shows a photo with its placeholder, shape and srcset, and opens the large one full screen', async () => {
    const { chat, anna } = setupDirect();
    const sent = addPhotoMessage(chat.id, anna.id);
    const id = sent.media!.id;
    const { user } = await openConversation(chat.id);

    const open = await screen.findByRole('button', { name: 'Открыть на весь экран фото, автор: Анна' });
    const img = within(open).getByRole('img', { name: 'Фото, автор: Анна' });
    // Medium and large only (the square thumb would crop it), signed, JPEG here and WebP first.
    const signed = (variant: string, ext: string) => `/media/${id}/${variant}\\.${ext}\\?expires=\\d+&sig=s\\d+`;
    expect(img.getAttribute('srcset')).toMatch(new RegExp(`${signed('medium', 'jpg')} 640w, .*${signed('large', 'jpg')} 1280w$`));
    expect(open.querySelector('source[type="image/webp"]')!.getAttribute('srcset')).toMatch(new RegExp(`${signed('medium', 'webp')} 640w`));
    const box = within(open).getByTestId('photo');
    expect(box.style.aspectRatio).toBe('640 / 480');
    expect(box).toHaveAttribute('data-state', 'loading');
    expect(box.style.backgroundImage).toContain('data:image/bmp;base64,');
    fireEvent.load(img);
    expect(box).toHaveAttribute('data-state', 'loaded');

    await user.click(open);
    const viewer = screen.getByRole('dialog', { name: 'Фото, автор: Анна' });
    const large = within(viewer).getByRole('img', { name: 'Фото, автор: Анна' });
    expect(large.getAttribute('srcset')).toMatch(new RegExp(`${signed('large', 'jpg')} 1280w$`));
    expect(large).toHaveAttribute('loading', 'eager');
    expect(within(viewer).queryByTestId('photo-viewer-counter')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Закрыть' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it('says «Фото удалено» for a photo its owner deleted, and still shows old image messages by URL', async () => {
    const { chat, anna } = setupDirect();
    const gone = addPhotoMessage(chat.id, anna.id);
    mediaDb.media.delete(gone.media!.id);
    addMessage(chat.id, anna.id, { type: 'image', content: 'https://img.example.com/nails.jpg' });
    await openConversation(chat.id);

    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(2));
    const [deleted, old] = screen.getAllByTestId('message') as [HTMLElement, HTMLElement];
    expect(within(deleted).getByTestId('photo-deleted')).toHaveTextContent('Фото удалено');
    expect(within(deleted).queryByRole('img', { name: /Фото/ })).not.toBeInTheDocument();
    expect(within(old).getByRole('img', { name: 'Изображение, автор: Анна' })).toHaveAttribute('src', 'https://img.example.com/nails.jpg');
  });

  it('fetches the messages again, once, when a photo’s signed link has expired', async () => {
    const { chat, anna } = setupDirect();
    addMessage(chat.id, anna.id, { content: 'Вот как получилось' });
    addPhotoMessage(chat.id, anna.id);
    addPhotoMessage(chat.id, anna.id);
    const { user } = await openConversation(chat.id);
    await waitFor(() => expect(screen.getAllByTestId('message-photo')).toHaveLength(2));
    // The <img> itself (a failed photo is a role="img" tile with the same name).
    const img = (n: number) => {
      const found = screen.getAllByTestId('message-photo')[n]!.querySelector('img');
      if (!found) throw new Error(`no <img> in photo message ${n}`);
      return found;
    };
    const shown = img(0).getAttribute('src')!;
    const expired = img(1).getAttribute('src')!;
    expect(expired).toMatch(/medium\.jpg\?expires=\d+&sig=s\d+$/);
    fireEvent.load(img(0));
    const before = cdb.calls.messageQueries.length;

    fireEvent.error(img(1));

    // Everything held is read again (from seq 1), which brings newly signed links.
    await waitFor(() => expect(img(1).getAttribute('src')).not.toBe(expired));
    expect(img(1).getAttribute('src')).toMatch(/medium\.jpg\?expires=\d+&sig=s\d+$/);
    expect(cdb.calls.messageQueries.slice(before).map((q) => q.params.get('after_seq'))).toEqual(['0']);
    expect(screen.getByText('Вот как получилось')).toBeInTheDocument();
    // The photo already on screen keeps its image rather than downloading it again…
    expect(img(0).getAttribute('src')).toBe(shown);
    // …but full screen it takes the fresh links.
    await user.click(screen.getAllByTestId('message-photo')[0]!);
    const large = within(screen.getByRole('dialog')).getByRole('img');
    expect(large.getAttribute('srcset')).not.toContain(new URL(shown, window.location.origin).search);
    await user.keyboard('{Escape}');

    // Still broken: no second refetch, just the quiet "unavailable" tile.
    fireEvent.error(img(1));
    expect(await screen.findByTestId('photo-failed')).toHaveTextContent('Фото недоступно');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cdb.calls.messageQueries).toHaveLength(before + 1);
  });
});

describe('photos in the chat list', () => {
  it('previews a photo message as «Фото»', async () => {
    const { me, anna, chat } = setupDirect();
    addPhotoMessage(chat.id, anna.id);
    const boris = person('Борис');
    const mine = seedChat({ members: [boris, me] });
    addPhotoMessage(mine.id, me.id);
    renderApp('/chats');

    const items = await screen.findAllByTestId('chat-item');
    expect(items.map((i) => within(i).getByTestId('chat-preview').textContent).sort()).toEqual(['Вы: Фото', 'Фото']);
  });

  it('says "Photo" in English', async () => {
    const { anna, chat } = setupDirect();
    addPhotoMessage(chat.id, anna.id);
    setLanguage('en');
    renderApp('/chats');
    expect(await screen.findByTestId('chat-preview')).toHaveTextContent(/^Photo$/);
  });
});
