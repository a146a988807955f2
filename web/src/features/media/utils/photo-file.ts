// What the server accepts for a photo (POST /media/uploads), checked before anything is sent.

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

/**
 * The types the server takes. HEIC/HEIF (iPhone photos) are decoded by the server's libvips on
 * Debian 12; a server built without it answers 415 with a message, which the upload shows.
 */
export const ACCEPTED_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] as const;

/** For `<input accept>`. */
export const PHOTO_ACCEPT = ACCEPTED_PHOTO_TYPES.join(',');

export type PhotoFileProblem = 'too_large' | 'unsupported_type' | 'empty';

const HEIC = /^image\/hei[cf](-sequence)?$/i;

export function isHeic(file: Pick<File, 'type' | 'name'>): boolean {
  return HEIC.test(file.type) || /\.hei[cf]$/i.test(file.name);
}

/**
 * The type to declare for the file: its own, or HEIC for a .heic/.heif file the browser gives
 * no type (Chromium and Firefox do not know it). The server trusts the bytes, not this.
 */
export function photoContentType(file: Pick<File, 'type' | 'name'>): string {
  if (file.type) return HEIC.test(file.type) ? file.type.replace(/-sequence$/i, '').toLowerCase() : file.type;
  return isHeic(file) ? (/\.heif$/i.test(file.name) ? 'image/heif' : 'image/heic') : '';
}

/** Why this file cannot be uploaded, or null when it can. */
export function checkPhotoFile(file: Pick<File, 'type' | 'name' | 'size'>): PhotoFileProblem | null {
  if (!(ACCEPTED_PHOTO_TYPES as readonly string[]).includes(photoContentType(file))) return 'unsupported_type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_PHOTO_BYTES) return 'too_large';
  return null;
}
