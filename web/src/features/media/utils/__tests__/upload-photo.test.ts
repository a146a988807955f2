import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPhotoUploadError, PhotoUploadError, uploadPhoto } from '@/features/media/utils/upload-photo';
import { uploadErrorMessage } from '@/features/media/utils/upload-error-message';
import { checkPhotoFile, MAX_PHOTO_BYTES, photoContentType } from '@/features/media/utils/photo-file';
import { translate } from '@/lib/i18n';
import { API, problem } from '@/testing/mocks/handlers';
import { holdUploads, mediaDb } from '@/testing/mocks/media-db';
import { server } from '@/testing/mocks/server';
import { seedUser } from '@/testing/test-utils';
import { recordXhrs, reportUploadProgress } from '@/testing/xhr-uploads';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('ru', key, params);

function photo(name = 'nails.jpg', type = 'image/jpeg', bytes = 2048): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('uploadPhoto', () => {
  it('asks for a ticket, PUTs with exactly its headers and no token, completes and polls until ready', async () => {
    seedUser({}, { loggedIn: true });
    mediaDb.pollsBeforeReady = 2;
    const steps: string[] = [];
    const progress: number[] = [];

    const media = await uploadPhoto(photo(), 'portfolio', {
      onStep: (s) => steps.push(s),
      onProgress: (p) => progress.push(p),
      pollIntervalMs: 5,
    });

    expect(media.status).toBe('ready');
    expect(media.variants?.medium.url).toMatch(/\/media\/.+\/medium\.webp$/);
    expect(steps).toEqual(['preparing', 'uploading', 'processing']);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(mediaDb.calls.uploads).toEqual([{ purpose: 'portfolio', content_type: 'image/jpeg', size_bytes: 2048 }]);
    expect(mediaDb.calls.puts).toEqual([{ id: media.id, authorization: null, contentType: 'image/jpeg', accept: null }]);
    expect(mediaDb.calls.completes).toEqual([media.id]);
  });

  it('reports the bytes sent as a fraction', async () => {
    seedUser({}, { loggedIn: true });
    const xhrs = recordXhrs();
    const held = holdUploads();
    const progress: number[] = [];
    const done = uploadPhoto(photo(), 'avatar', { onProgress: (p) => progress.push(p), pollIntervalMs: 5 });

    await vi.waitFor(() => expect(xhrs).toHaveLength(1));
    reportUploadProgress(xhrs[0]!, 512, 2048);
    reportUploadProgress(xhrs[0]!, 1536, 2048);
    held.release();
    await done;

    expect(progress.slice(0, 3)).toEqual([0, 0.25, 0.75]);
    expect(progress.at(-1)).toBe(1);
  });

  it('refuses on the client what the server would refuse, before sending anything', async () => {
    seedUser({}, { loggedIn: true });
    const big = photo('big.jpg', 'image/jpeg', 8);
    Object.defineProperty(big, 'size', { value: MAX_PHOTO_BYTES + 1 });
    expect(checkPhotoFile(big)).toBe('too_large');
    expect(checkPhotoFile(photo('x.gif', 'image/gif'))).toBe('unsupported_type');
    // iPhone photos go to the server, which decodes HEIC; a browser that gives no type for them
    // still declares one.
    expect(checkPhotoFile(photo('IMG_1.HEIC', ''))).toBeNull();
    expect(photoContentType(photo('IMG_1.HEIC', ''))).toBe('image/heic');
    expect(photoContentType(photo('IMG_2.heif', ''))).toBe('image/heif');
    expect(checkPhotoFile(photo('notes.txt', ''))).toBe('unsupported_type');
    expect(checkPhotoFile(photo('ok.webp', 'image/webp'))).toBeNull();

    const error = await uploadPhoto(big, 'avatar').catch((e: unknown) => e);
    expect(isPhotoUploadError(error) && error.kind).toBe('too_large');
    expect(uploadErrorMessage(error, t)).toBe('Файл слишком большой: можно до 15 МБ');
    expect(mediaDb.calls.uploads).toEqual([]);
  });

  it('aborts at any step and deletes the unfinished media', async () => {
    seedUser({}, { loggedIn: true });
    holdUploads();
    const controller = new AbortController();
    const done = uploadPhoto(photo(), 'portfolio', { signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(mediaDb.calls.puts).toHaveLength(1));

    controller.abort();
    const error = await done;

    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    await vi.waitFor(() => expect(mediaDb.calls.deletes).toHaveLength(1));
    expect(mediaDb.calls.completes).toEqual([]);
  });

  it('turns an expired link and a failed processing into their own errors', async () => {
    seedUser({}, { loggedIn: true });
    mediaDb.expireLinks = true;
    const expired = await uploadPhoto(photo(), 'portfolio').catch((e: unknown) => e);
    expect(uploadErrorMessage(expired, t)).toBe('Ссылка для загрузки устарела. Попробуйте ещё раз');

    mediaDb.expireLinks = false;
    mediaDb.failWith = 'corrupt';
    const failed = await uploadPhoto(photo(), 'portfolio', { pollIntervalMs: 5 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PhotoUploadError);
    expect(uploadErrorMessage(failed, t)).toBe('Не удалось обработать фото: файл повреждён');
  });

  it('maps the server’s refusals to messages', async () => {
    seedUser({}, { loggedIn: true });
    server.use(
      http.post(`${API}/media/uploads`, () =>
        problem(429, 'too_many_pending_uploads', 'Too Many Requests', {}, { 'Retry-After': '30' }),
      ),
    );
    const pending = await uploadPhoto(photo(), 'portfolio').catch((e: unknown) => e);
    expect(uploadErrorMessage(pending, t)).toBe('Слишком много незавершённых загрузок. Попробуйте через 30 с');

    server.use(http.post(`${API}/media/uploads`, () => problem(413, 'payload_too_large', 'Payload Too Large')));
    expect(uploadErrorMessage(await uploadPhoto(photo(), 'portfolio').catch((e: unknown) => e), t)).toBe(
      'Файл слишком большой: можно до 15 МБ',
    );
  });

  it('gives up polling after the timeout', async () => {
    seedUser({}, { loggedIn: true });
    mediaDb.pollsBeforeReady = 1000;
    const error = await uploadPhoto(photo(), 'portfolio', { pollIntervalMs: 5, timeoutMs: 30 }).catch((e: unknown) => e);
    expect(uploadErrorMessage(error, t)).toBe('Фото обрабатывается слишком долго. Попробуйте ещё раз');
  });
});
