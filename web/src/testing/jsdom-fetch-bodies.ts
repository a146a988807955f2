import { Blob as NodeBlob } from 'node:buffer';

// Under Vitest's jsdom environment `Blob` and `FormData` are jsdom's, while `fetch` is Node's
// (undici), which does not recognise them and would send "[object Blob]". A browser has one
// of each; this wrapper gives Node's fetch its own kinds, so tests see what a browser sends.

// jsdom's Blob has no arrayBuffer(); its FileReader can read one.
function readBytes(value: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(value);
  });
}

async function toNodeBlob(value: Blob): Promise<NodeBlob> {
  const bytes = await readBytes(value);
  return new NodeBlob([bytes], { type: value.type });
}

/** multipart/form-data as a browser writes it (undici's own encoder stalls under jsdom). */
async function encodeMultipart(form: FormData): Promise<{ bytes: Uint8Array; contentType: string }> {
  const boundary = `----vitest-formdata-${Math.random().toString(16).slice(2)}`;
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      chunks.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      const type = value.type || 'application/octet-stream';
      chunks.push(
        encoder.encode(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.name}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        new Uint8Array(await readBytes(value)),
        encoder.encode('\r\n'),
      );
    }
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const bytes = new Uint8Array(new ArrayBuffer(chunks.reduce((n, c) => n + c.length, 0)));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function toNodeInit(init: RequestInit): Promise<RequestInit> {
  const { body } = init;
  if (body instanceof Blob) return { ...init, body: (await toNodeBlob(body)) as unknown as BodyInit };
  if (body instanceof FormData) {
    const { bytes, contentType } = await encodeMultipart(body);
    const headers = new Headers(init.headers);
    // Like a browser: a Content-Type set by the caller wins (and breaks the boundary).
    if (!headers.has('Content-Type')) headers.set('Content-Type', contentType);
    return { ...init, body: bytes as Uint8Array<ArrayBuffer>, headers };
  }
  return init;
}

/** Wraps the current `fetch`; returns the function that undoes it. */
export function installJsdomFetchBodies(): () => void {
  const inner = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) =>
    inner(input, init?.body ? await toNodeInit(init) : init);
  return () => {
    globalThis.fetch = inner;
  };
}
