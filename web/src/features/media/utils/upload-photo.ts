import { completeUpload } from '@/features/media/api/complete-upload';
import { createUpload } from '@/features/media/api/create-upload';
import { deleteMedia } from '@/features/media/api/delete-media';
import { getMedia } from '@/features/media/api/get-media';
import { checkPhotoFile, photoContentType, type PhotoFileProblem } from '@/features/media/utils/photo-file';
import { api, isApiProblem } from '@/lib/api-client';
import type { Media, MediaFailureReason, MediaPurpose } from '@/types/api';

export const POLL_INTERVAL_MS = 500;
export const POLL_TIMEOUT_MS = 30_000;

export type UploadStep = 'preparing' | 'uploading' | 'processing';

/** A failure found by the client: a file refused before sending, or a photo the server could not use. */
export class PhotoUploadError extends Error {
  readonly kind: PhotoFileProblem | 'expired' | 'processing_failed' | 'timeout';
  readonly reason: MediaFailureReason | null;

  constructor(kind: PhotoUploadError['kind'], reason: MediaFailureReason | null = null) {
    super(reason ? `${kind}: ${reason}` : kind);
    this.name = 'PhotoUploadError';
    this.kind = kind;
    this.reason = reason;
  }
}

export function isPhotoUploadError(error: unknown): error is PhotoUploadError {
  return error instanceof PhotoUploadError;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export type UploadPhotoOptions = {
  /** Share of the bytes sent, 0–1. */
  onProgress?: (fraction: number) => void;
  onStep?: (step: UploadStep) => void;
  signal?: AbortSignal;
  pollIntervalMs?: number;
  timeoutMs?: number;
};

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('The request was aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('The request was aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const settled = (media: Media) => media.status === 'ready' || media.status === 'failed';

/**
 * The whole life of a photo upload: check the file, ask for a ticket, PUT the bytes to its
 * signed URL with progress, complete, and poll until the server has made the variants.
 * Resolves to the ready Media; rejects with a PhotoUploadError, an ApiProblem, or an
 * AbortError when `signal` fires (every step listens to it). A media left unfinished by a
 * cancel or a failure is deleted, so it does not count against the 20 pending uploads.
 */
export async function uploadPhoto(file: File, purpose: MediaPurpose, options: UploadPhotoOptions = {}): Promise<Media> {
  const { onProgress, onStep, signal, pollIntervalMs = POLL_INTERVAL_MS, timeoutMs = POLL_TIMEOUT_MS } = options;
  const problem = checkPhotoFile(file);
  if (problem) throw new PhotoUploadError(problem);
  signal?.throwIfAborted();

  onStep?.('preparing');
  const ticket = await createUpload({ purpose, content_type: photoContentType(file), size_bytes: file.size }, signal);
  const { id } = ticket.media;
  try {
    onStep?.('uploading');
    onProgress?.(0);
    await api
      .uploadToSignedUrl(ticket.upload.url, file, {
        method: ticket.upload.method,
        headers: ticket.upload.headers,
        signal,
        onUploadProgress: ({ loaded, total }) => {
          const whole = total ?? file.size;
          onProgress?.(whole > 0 ? Math.min(1, loaded / whole) : 0);
        },
      })
      .catch((error: unknown) => {
        // The storage's answers: 403 for a link past its expiry, 413 for more bytes than declared.
        if (isApiProblem(error) && error.status === 403) throw new PhotoUploadError('expired');
        if (isApiProblem(error) && error.status === 413) throw new PhotoUploadError('too_large');
        throw error;
      });
    onProgress?.(1);

    onStep?.('processing');
    let media = await completeUpload(id, signal);
    const deadline = Date.now() + timeoutMs;
    while (!settled(media)) {
      if (Date.now() >= deadline) throw new PhotoUploadError('timeout');
      await sleep(pollIntervalMs, signal);
      media = await getMedia(id, signal);
    }
    if (media.status === 'failed') throw new PhotoUploadError('processing_failed', media.failure_reason);
    return media;
  } catch (error) {
    // A photo that timed out may still become ready: keep it; anything else is of no use.
    if (!(isPhotoUploadError(error) && error.kind === 'timeout')) void deleteMedia(id).catch(() => undefined);
    throw error;
  }
}
