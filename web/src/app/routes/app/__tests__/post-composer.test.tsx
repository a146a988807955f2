import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installIntersectionObserver } from '@/testing/intersection-observer';
import { MANICURE_ID } from '@/testing/mocks/marketplace-db';
import { holdUploads, mediaDb } from '@/testing/mocks/media-db';
import { pdb, seedPost } from '@/testing/mocks/posts-db';
import { cardTexts, client, master, openApp, signIn } from '@/testing/posts';
import { waitForPath } from '@/testing/test-utils';
import { recordXhrs, reportUploadProgress } from '@/testing/xhr-uploads';

function photo(name: string, bytes = 1000): File {
  return new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' });
}

let io: ReturnType<typeof installIntersectionObserver>;
beforeEach(() => {
  io = installIntersectionObserver();
});
afterEach(() => {
  io.uninstall();
  vi.unstubAllGlobals();
});

const order = () => screen.queryAllByTestId('composer-photo').map((li) => li.getAttribute('data-media-id'));

describe('the composer', () => {
  it('uploads two photos with progress, orders them, and publishes to the top of the feed', async () => {
    const { user: maria, service } = master();
    seedPost(maria, { text: 'Старый пост' });
    signIn(maria);
    const { user } = await openApp('/');
    await waitFor(() => expect(cardTexts()).toEqual(['Старый пост']));

    await user.click(screen.getByRole('link', { name: 'Новый пост' }));
    await waitForPath('/posts/new');
    expect(await screen.findByRole('heading', { name: 'Новая публикация' })).toBeInTheDocument();
    const publish = await screen.findByRole('button', { name: 'Опубликовать' });
    expect(publish).toBeDisabled();
    expect(screen.getByTestId('composer-hint')).toHaveTextContent('Добавьте хотя бы одно фото');

    const xhrs = recordXhrs();
    const held = holdUploads();
    await user.upload(screen.getByLabelText('Добавить фото'), [photo('one.jpg', 1000), photo('two.jpg', 2000)]);
    const one = await screen.findByRole('progressbar', { name: 'Загрузка one.jpg' });
    const two = await screen.findByRole('progressbar', { name: 'Загрузка two.jpg' });
    await waitFor(() => expect(xhrs).toHaveLength(2));
    reportUploadProgress(xhrs[0]!, 1, 4);
    reportUploadProgress(xhrs[1]!, 3, 4);
    await waitFor(() => expect([one, two].map((bar) => bar.getAttribute('aria-valuenow')).sort()).toEqual(['25', '75']));
    expect(screen.getByTestId('composer-hint')).toHaveTextContent('Дождитесь');

    held.release();
    await waitFor(() => expect(order()).toHaveLength(2));
    await waitFor(() => expect(screen.queryAllByTestId('upload-queue-item')).toHaveLength(0));
    expect(screen.getByRole('heading', { name: 'Фото: 2 из 10' })).toBeInTheDocument();
    expect(mediaDb.calls.uploads).toEqual([
      { purpose: 'post', content_type: 'image/jpeg', size_bytes: 1000 },
      { purpose: 'post', content_type: 'image/jpeg', size_bytes: 2000 },
    ]);

    // Reorder with the keyboard-reachable buttons: the focus follows the photo.
    const [a, b] = order() as [string, string];
    expect(screen.getByRole('button', { name: 'Переместить фото 1 левее' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Переместить фото 1 правее' }));
    expect(order()).toEqual([b, a]);
    expect(screen.getByRole('button', { name: 'Переместить фото 2 левее' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(order()).toEqual([a, b]);
    await user.click(screen.getByRole('button', { name: 'Переместить фото 2 левее' }));
    expect(order()).toEqual([b, a]);

    const text = screen.getByLabelText('Текст');
    await user.type(text, 'Нюд с блёстками');
    expect(screen.getByTestId('composer-counter')).toHaveTextContent('15 / 2200');
    await user.selectOptions(screen.getByLabelText('Услуга для записи'), service.id);
    // The service's category comes with it.
    expect(screen.getByLabelText('Категория')).toHaveValue(MANICURE_ID);
    await user.click(publish);

    await waitForPath('/');
    expect(await screen.findByText('Публикация опубликована')).toBeInTheDocument();
    expect(pdb.calls.creates).toEqual([{ text: 'Нюд с блёстками', media_ids: [b, a], category_id: MANICURE_ID, service_id: service.id }]);
    // At the top of the feed that was already loaded.
    await waitFor(() => expect(cardTexts()).toEqual(['Нюд с блёстками', 'Старый пост']));
    expect(pdb.calls.feeds).toHaveLength(1);
    expect(screen.getAllByTestId('post-service')[0]).toHaveTextContent('Маникюр с покрытием');
  });

  it('removes a photo and counts the text against 2200', async () => {
    const { user: maria } = master();
    signIn(maria);
    const { user } = await openApp('/posts/new');
    await user.upload(await screen.findByLabelText('Добавить фото'), [photo('a.jpg'), photo('b.jpg')]);
    await waitFor(() => expect(order()).toHaveLength(2));
    const second = order()[1];
    await user.click(screen.getByRole('button', { name: 'Убрать фото 1' }));
    expect(order()).toEqual([second]);

    const text = screen.getByLabelText('Текст');
    await user.click(text);
    await user.paste('а'.repeat(2201));
    expect(screen.getByTestId('composer-counter')).toHaveTextContent('2201 / 2200');
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Опубликовать' })).toBeDisabled();
    await user.type(text, '{Backspace}');
    expect(screen.getByRole('button', { name: 'Опубликовать' })).toBeEnabled();
  });
});

describe('the master page', () => {
  it('shows the master’s posts as a grid; a cell opens the post', async () => {
    const { user: maria, master: m } = master();
    const posts = [seedPost(maria, { text: 'Первый', photos: 2 }), seedPost(maria, { text: 'Второй' })];
    signIn(client());
    const { user } = await openApp(`/masters/${m.id}`);
    const section = await screen.findByTestId('master-posts');
    expect(within(section).getByRole('heading', { name: 'Публикации' })).toBeInTheDocument();
    const grid = await within(section).findByTestId('user-posts-grid');
    expect(grid).toHaveAttribute('data-user-id', maria.id);
    const cells = within(grid).getAllByTestId('user-post-cell');
    expect(cells.map((c) => c.getAttribute('href'))).toEqual([`/posts/${posts[1]!.id}`, `/posts/${posts[0]!.id}`]);
    await user.click(within(grid).getByRole('link', { name: 'Публикация: Первый' }));
    await waitForPath(`/posts/${posts[0]!.id}`);
    expect(await screen.findByTestId('post-card')).toHaveAttribute('data-post-id', posts[0]!.id);
  });

  it('says when there is nothing yet', async () => {
    const { master: m } = master();
    signIn(client());
    await openApp(`/masters/${m.id}`);
    expect(await screen.findByTestId('user-posts-empty')).toHaveTextContent('Публикаций пока нет');
  });
});
