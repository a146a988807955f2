import { vi } from 'vitest';

// MSW answers an XMLHttpRequest upload with one progress event at 100%. To see a bar part
// way, a test records the XHRs the app makes and fires progress events on their `upload`
// itself, while the mock holds the request (holdUploads() in media-db.ts).

/** Records every XMLHttpRequest made from now on; vi.unstubAllGlobals() undoes it. */
export function recordXhrs(): XMLHttpRequest[] {
  const made: XMLHttpRequest[] = [];
  const Current = globalThis.XMLHttpRequest;
  class Recorded extends Current {
    constructor() {
      super();
      made.push(this);
    }
  }
  vi.stubGlobal('XMLHttpRequest', Recorded);
  return made;
}

/** What the browser reports while the body goes out: `loaded` of `total` bytes. */
export function reportUploadProgress(xhr: XMLHttpRequest, loaded: number, total: number): void {
  // Through EventTarget's own method: MSW's proxy of `upload` swallows calls of its methods.
  EventTarget.prototype.dispatchEvent.call(xhr.upload, new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
}
