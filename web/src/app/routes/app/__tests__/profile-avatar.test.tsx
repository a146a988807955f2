import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { holdUploads, mediaDb, variantsFor } from '@/testing/mocks/media-db';
import { server } from '@/testing/mocks/server';
import { liveObjectUrls, objectUrls } from '@/testing/object-urls';
import { renderApp, seedUser } from '@/testing/test-utils';
import { recordXhrs, reportUploadProgress } from '@/testing/xhr-uploads';

function photo(name = 'me.jpg', type = 'image/jpeg', bytes = 4000): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

async function choose(user: ReturnType<typeof renderApp>['user'], file: File) {
  await user.upload(await screen.findByLabelText(/Выбрать (другое )?фото/), file);
}

describe('profile photo', () => {
  it('previews the chosen file, shows real upload progress and sets the avatar when ready', async () => {
    seedUser({ name: 'Анна Петрова' }, { loggedIn: true });
    const xhrs = recordXhrs();
    const held = holdUploads();
    const { user } = renderApp('/profile/edit');

    await choose(user, photo());
    const preview = await screen.findByTestId('file-preview');
    expect(preview).toHaveAttribute('src', objectUrls.created[0]);
    expect(preview).toHaveAccessibleName('Выбранное фото: me.jpg');

    await user.click(screen.getByRole('button', { name: 'Сохранить фото' }));
    const bar = await screen.findByRole('progressbar', { name: 'Загрузка me.jpg' });
    await waitFor(() => expect(xhrs).toHaveLength(1));
    reportUploadProgress(xhrs[0]!, 1600, 4000);
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    expect(screen.getByTestId('upload-status')).toHaveTextContent('Загружено 40%');

    held.release();
    expect(await screen.findByText('Фото профиля сохранено')).toBeInTheDocument();
    const media = [...mediaDb.media.values()][0]!;
    expect(db.calls.patches).toEqual([{ avatar_media_id: media.id }]);
    const avatar = within(screen.getByTestId('avatar-uploader')).getByTestId('avatar-image');
    expect(avatar).toHaveAttribute('src', variantsFor(media.id).thumb.url);
    expect(liveObjectUrls()).toEqual([]);

    // The profile card shows it too (the user cache was updated, not refetched).
    await user.click(screen.getByRole('link', { name: 'Профиль' }));
    expect(await screen.findByTestId('avatar-image')).toHaveAttribute('src', variantsFor(media.id).thumb.url);
  });

  it('cancels an upload in flight: the request is aborted and the media deleted', async () => {
    seedUser({}, { loggedIn: true });
    holdUploads();
    const { user } = renderApp('/profile/edit');

    await choose(user, photo());
    await user.click(await screen.findByRole('button', { name: 'Сохранить фото' }));
    await screen.findByRole('progressbar');
    await waitFor(() => expect(mediaDb.calls.puts).toHaveLength(1));
    await user.click(screen.getByTestId('upload-cancel'));

    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Сохранить фото' })).toBeInTheDocument();
    await waitFor(() => expect(mediaDb.calls.deletes).toHaveLength(1));
    expect(mediaDb.calls.completes).toEqual([]);
    expect(db.calls.patches).toEqual([]);
  });

  it('retries after an expired link and succeeds', async () => {
    seedUser({}, { loggedIn: true });
    mediaDb.expireLinks = true;
    const { user } = renderApp('/profile/edit');

    await choose(user, photo());
    await user.click(await screen.findByRole('button', { name: 'Сохранить фото' }));
    expect(await screen.findByTestId('upload-error')).toHaveTextContent('Ссылка для загрузки устарела. Попробуйте ещё раз');

    mediaDb.expireLinks = false;
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByText('Фото профиля сохранено')).toBeInTheDocument();
    expect(mediaDb.calls.uploads).toHaveLength(2);
  });

  it('shows the server’s 415 as a message, and refuses other types before sending', async () => {
    seedUser({}, { loggedIn: true });
    server.use(
      http.post(`${API}/media/uploads`, () =>
        problem(415, 'unsupported_media_type', 'Unsupported Media Type', { detail: 'HEIC cannot be read here' }),
      ),
    );
    const { user } = renderApp('/profile/edit');

    await choose(user, photo());
    await user.click(await screen.findByRole('button', { name: 'Сохранить фото' }));
    expect(await screen.findByTestId('upload-error')).toHaveTextContent('Этот формат не подходит: загрузите JPEG, PNG или WebP');

    // Dropped files skip the input's `accept`; the client checks them itself.
    server.resetHandlers();
    fireEvent.drop(screen.getByTestId('avatar-picker'), { dataTransfer: { files: [photo('anim.gif', 'image/gif')], types: ['Files'] } });
    expect(await screen.findByTestId('upload-error')).toHaveTextContent('Этот формат не подходит');
    // An iPhone photo is taken (the server decodes HEIC): it waits to be saved, without an error.
    fireEvent.drop(screen.getByTestId('avatar-picker'), { dataTransfer: { files: [photo('IMG_0001.HEIC', 'image/heic')], types: ['Files'] } });
    expect(await screen.findByRole('img', { name: 'Выбранное фото: IMG_0001.HEIC' })).toBeInTheDocument();
    expect(screen.queryByTestId('upload-error')).not.toBeInTheDocument();
    // None reached the (restored) mock server.
    expect(mediaDb.calls.uploads).toEqual([]);
  });

  it('takes a pasted image', async () => {
    seedUser({}, { loggedIn: true });
    renderApp('/profile/edit');
    await screen.findByTestId('avatar-picker');
    fireEvent.paste(document, { clipboardData: { files: [photo('pasted.png', 'image/png')] } });
    expect(await screen.findByRole('img', { name: 'Выбранное фото: pasted.png' })).toBeInTheDocument();
  });

  it('removes the avatar after a confirmation', async () => {
    const stored = seedUser({ name: 'Анна Петрова', avatar_url: 'http://localhost/media/x/thumb.webp' }, { loggedIn: true });
    const { user } = renderApp('/profile/edit');

    const uploader = await screen.findByTestId('avatar-uploader');
    expect(within(uploader).getByTestId('avatar-image')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Удалить фото' }));
    await user.click(within(screen.getByRole('group', { name: 'Удалить фото профиля?' })).getByRole('button', { name: 'Удалить' }));

    expect(await screen.findByText('Фото профиля удалено')).toBeInTheDocument();
    expect(within(uploader).getByTestId('avatar-initials')).toHaveTextContent('АП');
    expect(db.calls.patches).toEqual([{ avatar_media_id: null }]);
    expect(db.users.get(stored.id)?.avatar_url).toBeNull();
  });
});
