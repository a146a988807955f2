import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import { FakeSocketServer } from '@/testing/fake-socket';
import { addMessage, addPhotoMessage, cdb, seedChat } from '@/testing/mocks/chats-db';
import { createUser, type StoredUser } from '@/testing/mocks/db';
import { mediaDb } from '@/testing/mocks/media-db';
import { renderApp, seedUser } from '@/testing/test-utils';

// Photos in chats: shown in bubbles with their variants and full screen.

function person(name: string): StoredUser {
  return createUser({ email: `${name.toLowerCase()}@example.org`, password: 'correct horse battery', name });
}

/** Me (Ольга, signed in) and Анна in a direct chat. */
function setupDirect() {
  const me = seedUser({ name: 'Ольга', email: 'olga@example.com' }, { loggedIn: true });
  const anna = person('Анна');
  const chat = seedChat({ members: [anna, me] });
  return { me, anna, chat };
}

async function openConversation(chatId: string, sockets = new FakeSocketServer()) {
  const view = renderApp(`/chats/${chatId}`, { sockets });
  await screen.findByTestId('conversation');
  await waitFor(() => expect(view.realtime.getStatus()).toBe('connected'));
  return view;
}

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
