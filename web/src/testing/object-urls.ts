// jsdom has no object URLs (URL.createObjectURL); previews of chosen files need them. This
// stands in with fake blob: URLs and records which were made and revoked.

export const objectUrls = { created: [] as string[], revoked: [] as string[] };
let counter = 0;

export function installObjectUrls(): void {
  URL.createObjectURL = () => {
    counter += 1;
    const url = `blob:${window.location.origin}/test-${counter}`;
    objectUrls.created.push(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    objectUrls.revoked.push(url);
  };
}

export function resetObjectUrls(): void {
  objectUrls.created = [];
  objectUrls.revoked = [];
}

/** Object URLs made and not yet revoked. */
export function liveObjectUrls(): string[] {
  return objectUrls.created.filter((url) => !objectUrls.revoked.includes(url));
}
