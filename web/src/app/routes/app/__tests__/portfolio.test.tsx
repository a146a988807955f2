import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionFromAuthResponse, setSession } from '@/lib/token-store';
import { issueTokens, publicUser } from '@/testing/mocks/db';
import { seedMaster } from '@/testing/mocks/marketplace-db';
import { holdUploads, mediaDb, portfolioOf, seedPortfolioItem } from '@/testing/mocks/media-db';
import { renderApp, seedUser } from '@/testing/test-utils';
import { recordXhrs, reportUploadProgress } from '@/testing/xhr-uploads';

function photo(name: string, bytes = 1000): File {
  return new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' });
}

function loginMaster() {
  const seeded = seedMaster();
  setSession(sessionFromAuthResponse({ user: publicUser(seeded.user), ...issueTokens(seeded.user.id) }));
  return seeded;
}

const captions = () => screen.queryAllByTestId('portfolio-caption').map((input) => (input as HTMLInputElement).value);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('portfolio in the workspace', () => {
  it('adds several photos at once, each with its own progress', async () => {
    const { master } = loginMaster();
    const xhrs = recordXhrs();
    const held = holdUploads();
    const { user } = renderApp('/workspace/portfolio');

    expect(await screen.findByTestId('portfolio-empty')).toBeInTheDocument();
    expect(screen.getByTestId('portfolio-count')).toHaveTextContent('Фото: 0 из 100');
    await user.upload(screen.getByLabelText('Добавить фото'), [photo('one.jpg', 1000), photo('two.jpg', 2000)]);

    const one = await screen.findByRole('progressbar', { name: 'Загрузка one.jpg' });
    const two = await screen.findByRole('progressbar', { name: 'Загрузка two.jpg' });
    await waitFor(() => expect(xhrs).toHaveLength(2));
    // Each bar follows its own request (which XHR is which file does not matter here).
    reportUploadProgress(xhrs[0]!, 1, 4);
    reportUploadProgress(xhrs[1]!, 3, 4);
    await waitFor(() => expect([one, two].map((bar) => bar.getAttribute('aria-valuenow')).sort()).toEqual(['25', '75']));

    held.release();
    await waitFor(() => expect(screen.getAllByTestId('portfolio-item')).toHaveLength(2));
    await waitFor(() => expect(screen.queryAllByTestId('upload-queue-item')).toHaveLength(0));
    expect(screen.getByTestId('portfolio-count')).toHaveTextContent('Фото: 2 из 100');
    expect(portfolioOf(master.id)).toHaveLength(2);
    expect(mediaDb.calls.uploads).toEqual([
      { purpose: 'portfolio', content_type: 'image/jpeg', size_bytes: 1000 },
      { purpose: 'portfolio', content_type: 'image/jpeg', size_bytes: 2000 },
    ]);
  });

  it('reorders, edits a caption and deletes after a confirmation', async () => {
    const { master, user: owner } = loginMaster();
    const [a, b, c] = ['Френч', 'Омбре', 'Педикюр'].map((caption) => seedPortfolioItem(master.id, owner.id, caption)) as [
      ReturnType<typeof seedPortfolioItem>,
      ReturnType<typeof seedPortfolioItem>,
      ReturnType<typeof seedPortfolioItem>,
    ];
    const { user } = renderApp('/workspace/portfolio');
    await waitFor(() => expect(captions()).toEqual(['Френч', 'Омбре', 'Педикюр']));
    expect(screen.getByRole('button', { name: 'Переместить фото 1 выше' })).toBeDisabled();

    // Move the last one up: it takes the place (position) of the one above it.
    await user.click(screen.getByRole('button', { name: 'Переместить фото 3 выше' }));
    expect(captions()).toEqual(['Френч', 'Педикюр', 'Омбре']);
    await waitFor(() => expect(mediaDb.calls.portfolioPatches).toEqual([{ id: c.id, body: { position: 1 } }]));
    await user.click(screen.getByRole('button', { name: 'Переместить фото 1 ниже' }));
    await waitFor(() => expect(portfolioOf(master.id).map((i) => i.caption)).toEqual(['Педикюр', 'Френч', 'Омбре']));
    expect(captions()).toEqual(['Педикюр', 'Френч', 'Омбре']);

    const caption = screen.getByLabelText('Подпись к фото 3');
    await user.clear(caption);
    await user.type(caption, '  Омбре с блёстками ');
    await user.click(within(screen.getAllByTestId('portfolio-item')[2]!).getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Подпись сохранена')).toBeInTheDocument();
    expect(mediaDb.calls.portfolioPatches.at(-1)).toEqual({ id: b.id, body: { caption: 'Омбре с блёстками' } });
    expect(mediaDb.portfolio.get(b.id)?.caption).toBe('Омбре с блёстками');

    await user.click(screen.getByRole('button', { name: 'Удалить фото 2' }));
    const confirm = screen.getByRole('group', { name: 'Удалить это фото из портфолио?' });
    await user.click(within(confirm).getByRole('button', { name: 'Отмена' }));
    expect(mediaDb.calls.portfolioDeletes).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Удалить фото 2' }));
    await user.click(within(screen.getByRole('group', { name: 'Удалить это фото из портфолио?' })).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(captions()).toEqual(['Педикюр', 'Омбре с блёстками']));
    expect(mediaDb.calls.portfolioDeletes).toEqual([a.id]);
  });
});

describe('portfolio on the master page', () => {
  it('opens a photo full screen, goes through them with the arrows and closes with Esc', async () => {
    const { master, user: owner } = seedMaster({ display_name: 'Мария' });
    ['Френч', 'Омбре', 'Педикюр'].forEach((caption) => seedPortfolioItem(master.id, owner.id, caption));
    seedUser({}, { loggedIn: true });
    const { user } = renderApp(`/masters/${master.id}`);

    const gallery = await screen.findByTestId('portfolio-gallery');
    const thumbs = within(gallery).getAllByTestId('portfolio-thumb');
    expect(thumbs).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Открыть фото: Омбре' }));

    const viewer = screen.getByRole('dialog', { name: 'Портфолио: Мария' });
    expect(viewer).toHaveAttribute('aria-modal', 'true');
    expect(within(viewer).getByTestId('photo-viewer-counter')).toHaveTextContent('2 из 3');
    expect(within(viewer).getByTestId('photo-viewer-caption')).toHaveTextContent('Омбре');
    expect(screen.getByRole('button', { name: 'Закрыть' })).toHaveFocus();

    await user.keyboard('{ArrowRight}');
    expect(within(viewer).getByTestId('photo-viewer-caption')).toHaveTextContent('Педикюр');
    await user.keyboard('{ArrowRight}');
    expect(within(viewer).getByTestId('photo-viewer-counter')).toHaveTextContent('1 из 3');
    await user.keyboard('{ArrowLeft}');
    expect(within(viewer).getByTestId('photo-viewer-caption')).toHaveTextContent('Педикюр');

    // Focus stays inside: Tab goes round the dialog's buttons.
    for (let i = 0; i < 4; i++) {
      await user.tab();
      expect(viewer).toContainElement(document.activeElement as HTMLElement);
    }

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Открыть фото: Омбре' })).toHaveFocus();
  });

  it('shows nothing when the master has no photos', async () => {
    const { master } = seedMaster();
    seedUser({}, { loggedIn: true });
    renderApp(`/masters/${master.id}`);
    expect(await screen.findByTestId('master-name')).toBeInTheDocument();
    expect(screen.queryByTestId('portfolio-gallery')).not.toBeInTheDocument();
  });

  it('puts the first photo on the master’s search card, and the avatar next to it', async () => {
    const { master, user: owner } = seedMaster({ user: { avatar_url: 'http://localhost/media/a/thumb.webp' } });
    const first = seedPortfolioItem(master.id, owner.id, 'Френч');
    seedPortfolioItem(master.id, owner.id, 'Омбре');
    seedUser({}, { loggedIn: true });
    renderApp('/masters');

    const card = await screen.findByTestId('master-card');
    expect(within(card).getByTestId('master-cover')).toHaveAttribute('src', first.media.variants!.thumb.url);
    expect(within(card).getByTestId('avatar-image')).toHaveAttribute('src', 'http://localhost/media/a/thumb.webp');
  });
});
