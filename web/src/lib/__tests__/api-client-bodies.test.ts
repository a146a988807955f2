import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, ApiProblem, encodeBody, type UploadProgress } from '@/lib/api-client';
import { getSession } from '@/lib/token-store';
import { db, expireAllAccessTokens, userForAccessToken } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { seedUser } from '@/testing/test-utils';

const echoSchema = z.object({ contentType: z.string(), size: z.number(), text: z.string(), user: z.string().nullable() });

/** A test-only endpoint that says what it received and from whom. */
function echoUpload() {
  server.use(
    http.all(`${API}/test/echo`, async ({ request }) => {
      const user = userForAccessToken(request.headers.get('Authorization'));
      if (!user) return problem(401, 'token_expired', 'Unauthorized');
      const contentType = request.headers.get('Content-Type') ?? '';
      // Raw bytes, multipart included: what went over the wire.
      const bytes = new Uint8Array(await request.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      const size = bytes.length;
      return HttpResponse.json({ contentType, size, text, user: user.id });
    }),
  );
}

describe('api client bodies', () => {
  it('encodes plain values as JSON, FormData as multipart and bytes as raw', () => {
    expect(encodeBody({ a: 1 })).toEqual({ body: '{"a":1}', contentType: 'application/json' });
    const form = new FormData();
    expect(encodeBody(form)).toEqual({ body: form, contentType: undefined });
    const blob = new Blob(['x'], { type: 'image/png' });
    expect(encodeBody(blob)).toEqual({ body: blob, contentType: 'image/png' });
    const bytes = new Uint8Array([1, 2]);
    expect(encodeBody(bytes)).toEqual({ body: bytes, contentType: 'application/octet-stream' });
    expect(encodeBody(bytes, 'image/jpeg').contentType).toBe('image/jpeg');
    expect(encodeBody(undefined)).toEqual({ body: undefined, contentType: undefined });
  });

  it('sends FormData as multipart with the browser’s boundary', async () => {
    const stored = seedUser({}, { loggedIn: true });
    echoUpload();
    const form = new FormData();
    form.set('caption', 'Френч');
    form.set('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');

    const res = await api.post('/test/echo', form, { schema: echoSchema });

    expect(res.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(res.text).toMatch(/name="caption"\r\n\r\nФренч\r\n/);
    expect(res.text).toMatch(/name="file"; filename="a.txt"\r\nContent-Type: text\/plain\r\n\r\nhello\r\n/);
    expect(res.user).toBe(stored.id);
  });

  it('sends a Blob as raw bytes with its own type', async () => {
    seedUser({}, { loggedIn: true });
    echoUpload();
    const res = await api.put('/test/echo', new Blob(['raw bytes'], { type: 'image/webp' }), { schema: echoSchema });
    expect(res).toMatchObject({ contentType: 'image/webp', size: 9, text: 'raw bytes' });
  });

  it('uploads through XMLHttpRequest with progress, refreshing the token after a 401', async () => {
    const stored = seedUser({}, { loggedIn: true });
    const before = getSession()!.accessToken;
    expireAllAccessTokens();
    echoUpload();
    const progress: UploadProgress[] = [];
    const body = new TextEncoder().encode('x'.repeat(4096));

    const res = await api.upload('/test/echo', body, {
      schema: echoSchema,
      contentType: 'application/octet-stream',
      onUploadProgress: (p) => progress.push(p),
    });

    expect(res).toMatchObject({ contentType: 'application/octet-stream', size: 4096, user: stored.id });
    expect(db.calls.refresh).toBe(1);
    expect(getSession()!.accessToken).not.toBe(before);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ loaded: 4096 });
  });

  it('turns an upload’s problem+json into an ApiProblem', async () => {
    seedUser({}, { loggedIn: true });
    server.use(
      http.post(`${API}/test/echo`, () =>
        problem(413, 'payload_too_large', 'Payload Too Large', { detail: 'at most 10 MiB' }),
      ),
    );
    const error = await api
      .upload('/test/echo', new Blob(['x']), { onUploadProgress: () => {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large', detail: 'at most 10 MiB' });
  });

  it('rejects an aborted upload with an AbortError', async () => {
    seedUser({}, { loggedIn: true });
    echoUpload();
    const controller = new AbortController();
    controller.abort();
    const error = await api
      .upload('/test/echo', new Blob(['x']), { signal: controller.signal, onUploadProgress: () => {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('PUTs raw bytes to a signed absolute URL with exactly its headers and no token', async () => {
    seedUser({}, { loggedIn: true });
    const seen: { auth: string | null; type: string | null; accept: string | null; size: number }[] = [];
    server.use(
      http.put('https://storage.test/bucket/photo', async ({ request }) => {
        seen.push({
          auth: request.headers.get('Authorization'),
          type: request.headers.get('Content-Type'),
          accept: request.headers.get('Accept'),
          size: (await request.arrayBuffer()).byteLength,
        });
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const progress: UploadProgress[] = [];
    await api.uploadToSignedUrl('https://storage.test/bucket/photo', new Uint8Array(300), {
      headers: { 'Content-Type': 'image/png' },
      onUploadProgress: (p) => progress.push(p),
    });
    expect(seen).toEqual([{ auth: null, type: 'image/png', accept: null, size: 300 }]);
    expect(progress.at(-1)).toMatchObject({ loaded: 300 });
  });

  it('turns a signed upload’s refusal into an ApiProblem', async () => {
    server.use(
      http.put('https://storage.test/bucket/photo', () => problem(403, 'upload_expired', 'Forbidden')),
    );
    const error = await api
      .uploadToSignedUrl('https://storage.test/bucket/photo', new Uint8Array(3), { headers: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'upload_expired' });
  });
});
