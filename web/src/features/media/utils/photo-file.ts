// What the server accepts for a photo (POST /media/uploads), checked before anything is sent.

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

/** The types the server can read here; HEIC/HEIF are refused (the server's libvips lacks them). */
export const ACCEPTED_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** For `<input accept>`. */
export const PHOTO_ACCEPT = ACCEPTED_PHOTO_TYPES.join(',');

export type PhotoFileProblem = 'too_large' | 'unsupported_type' | 'heic' | 'empty';

const HEIC = /^image\/hei[cf](-sequence)?$/i;

export function isHeic(file: Pick<File, 'type' | 'name'>): boolean {
  return HEIC.test(file.type) || /\.hei[cf]$/i.test(file.name);
}

/** Why this file cannot be uploaded, or null when it can. */
export function checkPhotoFile(file: Pick<File, 'type' | 'name' | 'size'>): PhotoFileProblem | null {
  if (isHeic(file)) return 'heic';
  if (!(ACCEPTED_PHOTO_TYPES as readonly string[]).includes(file.type)) return 'unsupported_type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_PHOTO_BYTES) return 'too_large';
  return null;
}
