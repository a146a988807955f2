import type { ZodType, ZodTypeDef } from 'zod';
import { authResponseSchema, problemSchema, type ProblemDocument } from '@/types/api';
import { expireSession, getSession, sessionFromAuthResponse, setSession, type Session } from '@/lib/token-store';

export const API_PREFIX = '/api/v1';

/** Refresh this long before the access token expires, so a request never races expiry. */
export const REFRESH_MARGIN_MS = 30_000;

/** A refresh holds the cross-tab lock; never hold it longer than this. */
const REFRESH_TIMEOUT_MS = 15_000;

/** Name of the Web Lock that serialises refreshes across the tabs of one browser. */
export const REFRESH_LOCK_NAME = 'service-auth-refresh';

export type FieldError = { field: string; message: string };

/** An RFC 9457 problem (or a transport failure dressed as one, with status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  readonly instance: string | undefined;
  readonly errors: FieldError[];
  /** Seconds from the Retry-After header of a 429/503, if any. */
  readonly retryAfter: number | undefined;

  constructor(status: number, doc: ProblemDocument, retryAfter?: number) {
    super(doc.detail ?? doc.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = doc.code ?? (status === 0 ? 'network_error' : `http_${status}`);
    this.title = doc.title ?? '';
    this.detail = doc.detail;
    this.type = doc.type ?? 'about:blank';
    this.instance = doc.instance;
    this.errors = doc.errors ?? [];
    this.retryAfter = retryAfter;
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/** Upload progress: bytes sent so far and the total (null when the browser cannot tell). */
export type UploadProgress = { loaded: number; total: number | null };

/**
 * A request body: a plain value is sent as JSON; FormData as multipart (the browser sets the
 * boundary); a Blob, File, ArrayBuffer or typed array as raw bytes.
 */
export type RequestBody = FormData | Blob | ArrayBuffer | ArrayBufferView | object | string | number | boolean | null;

type RequestOptions<T> = {
  body?: RequestBody | undefined;
  /** Parses the response body; omit for 204 responses. */
  /** Parses the answer; its input is whatever JSON came (defaults may fill fields in). */
  schema?: ZodType<T, ZodTypeDef, unknown>;
  /** Send the bearer token and refresh it when needed (default true). */
  auth?: boolean;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** Content-Type of a raw body (default: the Blob's own type, else application/octet-stream). */
  contentType?: string;
  /** Reports upload progress; the request then goes through XMLHttpRequest (fetch cannot). */
  onUploadProgress?: (progress: UploadProgress) => void;
};

type Encoded = { body: BodyInit | undefined; contentType: string | undefined };

function isRawBody(body: unknown): body is Blob | ArrayBuffer | ArrayBufferView {
  return body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
}

/** How a body goes on the wire, and its Content-Type (undefined: let the browser decide). */
export function encodeBody(body: RequestBody | undefined, contentType?: string): Encoded {
  if (body === undefined) return { body: undefined, contentType: undefined };
  if (body instanceof FormData) return { body, contentType: undefined };
  if (isRawBody(body)) {
    const type = contentType ?? (body instanceof Blob && body.type ? body.type : 'application/octet-stream');
    return { body: body as BodyInit, contentType: type };
  }
  return { body: JSON.stringify(body), contentType: contentType ?? 'application/json' };
}

type WireRequest = { method: string; headers: Record<string, string>; body: BodyInit | undefined; signal?: AbortSignal | undefined };
type Transport = (url: string, init: WireRequest) => Promise<Response>;

const fetchTransport: Transport = (url, init) => fetch(url, init);

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

/** XMLHttpRequest as a fetch-shaped transport, for the upload progress that fetch does not report. */
function xhrTransport(onProgress: (progress: UploadProgress) => void): Transport {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method, url);
      for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value);
      xhr.responseType = 'arraybuffer';
      xhr.upload.onprogress = (event) =>
        onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
      xhr.onload = () => {
        // A null-body status (204, 205, 304) may not carry a body in a Response.
        const body = [204, 205, 304].includes(xhr.status) ? null : (xhr.response as ArrayBuffer | null);
        resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers: parseHeaders(xhr.getAllResponseHeaders()) }));
      };
      xhr.onerror = () => reject(new TypeError('Network request failed'));
      xhr.ontimeout = xhr.onerror;
      const aborted = () => new DOMException('The request was aborted', 'AbortError');
      // Reject at once: an XHR that has not reached the network yet fires no abort event.
      const abort = () => {
        xhr.abort();
        reject(aborted());
      };
      xhr.onabort = () => reject(aborted());
      if (init.signal?.aborted) {
        reject(aborted());
        return;
      }
      init.signal?.addEventListener('abort', abort, { once: true });
      xhr.onloadend = () => init.signal?.removeEventListener('abort', abort);
      xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
    });
}

function apiUrl(path: string): string {
  // Absolute so the same code works in the browser and under Node's fetch in tests.
  return new URL(`${API_PREFIX}${path}`, window.location.href).toString();
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function problemFromResponse(res: Response): Promise<ApiProblem> {
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  let doc: ProblemDocument = { status: res.status, title: res.statusText };
  if ((res.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      const parsed = problemSchema.safeParse(await res.json());
      if (parsed.success) doc = { ...doc, ...parsed.data };
    } catch {
      // Not JSON after all: keep the status line.
    }
  }
  return new ApiProblem(res.status, doc, retryAfter);
}

type SendOptions = {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
  contentType?: string | undefined;
  transport?: Transport;
};

async function send(
  method: string,
  path: string,
  body: RequestBody | undefined,
  accessToken: string | null,
  { signal, headers: extraHeaders, contentType, transport = fetchTransport }: SendOptions = {},
) {
  const encoded = encodeBody(body, contentType);
  const headers: Record<string, string> = { ...extraHeaders, Accept: 'application/json, application/problem+json' };
  if (encoded.contentType) headers['Content-Type'] = encoded.contentType;
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await transport(apiUrl(path), { method, headers, body: encoded.body, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, { title: 'Network error', code: 'network_error' });
  }
}

// ---------------------------------------------------------------------------------------
// Token refresh. The server rotates the refresh token on every use and treats a second use
// of an old one as theft (it revokes the whole family), so a refresh token must be spent
// exactly once: one in-flight refresh per tab, and a Web Lock across tabs.

let inflightRefresh: Promise<Session | null> | null = null;

async function refreshUnderLock(usedRefreshToken: string): Promise<Session | null> {
  // Re-read: while we waited for the lock another tab may have rotated the tokens.
  const current = getSession();
  if (!current) return null;
  if (current.refreshToken !== usedRefreshToken) return current;

  // Bounded, because every other tab waits on this lock.
  const timeout = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(REFRESH_TIMEOUT_MS) : undefined;
  const res = await send('POST', '/auth/refresh', { refresh_token: current.refreshToken }, null, { signal: timeout });
  if (res.ok) {
    const parsed = authResponseSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new ApiProblem(0, { title: 'Unexpected response', code: 'invalid_response' });
    const next = sessionFromAuthResponse(parsed.data);
    setSession(next);
    return next;
  }
  const problem = await problemFromResponse(res);
  if (res.status >= 400 && res.status < 500 && res.status !== 429) {
    // The refresh token is dead (expired, revoked or reused): the session is over.
    expireSession();
    return null;
  }
  throw problem; // 429/5xx: keep the session, the caller may try again later
}

/**
 * Exchanges `usedRefreshToken` for a new session, at most once per token. Resolves to the
 * current session (possibly rotated by another tab), or null when the session has ended.
 */
export function refreshSession(usedRefreshToken: string): Promise<Session | null> {
  if (inflightRefresh) return inflightRefresh;
  const run = () => refreshUnderLock(usedRefreshToken);
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const task: Promise<Session | null> = locks?.request
    ? // lib.dom types this as Promise<Promise<T>>; at run time the promise is flattened.
      (locks.request(REFRESH_LOCK_NAME, run) as unknown as Promise<Session | null>)
    : run();
  const shared = task.finally(() => {
    inflightRefresh = null;
  });
  inflightRefresh = shared;
  return shared;
}

/** The session to use for a request, refreshed first if the access token is about to expire. */
async function sessionForRequest(): Promise<Session | null> {
  const session = getSession();
  if (!session) return null;
  if (session.accessExpiresAt - Date.now() > REFRESH_MARGIN_MS) return session;
  try {
    return await refreshSession(session.refreshToken);
  } catch (error) {
    // Server briefly unavailable: the old access token may still be good for a few seconds.
    if (session.accessExpiresAt > Date.now()) return session;
    throw error;
  }
}

/**
 * The access token for a non-fetch transport (the realtime socket), refreshed first if it is
 * about to expire; null when signed out.
 */
export async function freshAccessToken(): Promise<string | null> {
  return (await sessionForRequest())?.accessToken ?? null;
}

const unauthorized = () => new ApiProblem(401, { title: 'Unauthorized', code: 'unauthorized', status: 401 });

async function request<T>(method: string, path: string, options: RequestOptions<T> = {}): Promise<T> {
  const { body, schema, auth = true, signal, headers, contentType, onUploadProgress } = options;
  const wire: SendOptions = {
    signal,
    headers,
    contentType,
    ...(onUploadProgress ? { transport: xhrTransport(onUploadProgress) } : {}),
  };

  let session: Session | null = null;
  if (auth) {
    session = await sessionForRequest();
    if (!session) throw unauthorized();
  }

  let res = await send(method, path, body, session?.accessToken ?? null, wire);

  if (res.status === 401 && auth && session) {
    // Reactive refresh, once: the token may have expired in flight or been revoked.
    const refreshed = await refreshSession(session.refreshToken);
    if (!refreshed) throw await problemFromResponse(res);
    res = await send(method, path, body, refreshed.accessToken, wire);
    if (res.status === 401) {
      // Even a fresh token is refused: the account or session was revoked.
      const problem = await problemFromResponse(res);
      expireSession();
      throw problem;
    }
  }

  if (!res.ok) throw await problemFromResponse(res);
  if (!schema || res.status === 204) return undefined as T;

  const json: unknown = await res.json().catch(() => undefined);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected response for ${method} ${path}`, parsed.error.issues);
    throw new ApiProblem(0, { title: 'Unexpected response', code: 'invalid_response' });
  }
  return parsed.data;
}

type SignedUploadOptions = {
  /** Sent exactly as given (the signature may cover them); nothing is added. */
  headers: Record<string, string>;
  signal?: AbortSignal | undefined;
  onUploadProgress?: (progress: UploadProgress) => void;
};

/**
 * Sends raw bytes to an absolute, pre-signed URL (a storage PUT): no bearer token, no refresh,
 * no Accept or Content-Type of our own, only `headers`. Non-2xx answers become ApiProblems.
 */
async function sendSigned(method: 'PUT' | 'POST', url: string, body: Blob | ArrayBuffer | ArrayBufferView, options: SignedUploadOptions) {
  const { headers, signal, onUploadProgress } = options;
  const transport = onUploadProgress ? xhrTransport(onUploadProgress) : fetchTransport;
  let res: Response;
  try {
    res = await transport(url, { method, headers: { ...headers }, body: body as BodyInit, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, { title: 'Network error', code: 'network_error' });
  }
  if (!res.ok) throw await problemFromResponse(res);
}

type BodylessOptions<T> = Omit<RequestOptions<T>, 'body'>;

export const api = {
  get: <T>(path: string, options?: BodylessOptions<T>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: RequestBody, options?: BodylessOptions<T>) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: RequestBody, options?: BodylessOptions<T>) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: RequestBody, options?: BodylessOptions<T>) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: BodylessOptions<T>) => request<T>('DELETE', path, options),
  /**
   * An upload with progress (FormData or raw bytes), through XMLHttpRequest; same auth,
   * refresh and problem handling as the other methods. POST unless `method` says otherwise.
   */
  upload: <T>(
    path: string,
    body: FormData | Blob | ArrayBuffer | ArrayBufferView,
    options: BodylessOptions<T> & { method?: 'POST' | 'PUT' | 'PATCH'; onUploadProgress: (p: UploadProgress) => void },
  ) => {
    const { method = 'POST', ...rest } = options;
    return request<T>(method, path, { ...rest, body });
  },
  /** Raw bytes to a signed absolute URL from the server (e.g. an upload ticket), PUT by default. */
  uploadToSignedUrl: (
    url: string,
    body: Blob | ArrayBuffer | ArrayBufferView,
    options: SignedUploadOptions & { method?: 'PUT' | 'POST' },
  ): Promise<void> => sendSigned(options.method ?? 'PUT', url, body, options),
};

/** Test hook: forget an in-flight refresh between tests. */
export function resetApiClientForTests() {
  inflightRefresh = null;
}
