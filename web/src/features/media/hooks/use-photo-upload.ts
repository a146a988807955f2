import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadErrorMessage } from '@/features/media/utils/upload-error-message';
import { checkPhotoFile } from '@/features/media/utils/photo-file';
import { isAbortError, PhotoUploadError, uploadPhoto } from '@/features/media/utils/upload-photo';
import { useI18n } from '@/lib/i18n';
import type { Media, MediaPurpose } from '@/types/api';

export type PhotoUploadState =
  | { status: 'idle' }
  | { status: 'preparing' }
  | { status: 'uploading'; progress: number }
  | { status: 'processing' }
  | { status: 'ready'; media: Media }
  | { status: 'failed'; message: string };

/** The state as kept: errors stay errors, so a language switch re-translates the message. */
type RawState = Exclude<PhotoUploadState, { status: 'failed' }> | { status: 'failed'; error: unknown };

export type UsePhotoUploadOptions = {
  purpose: MediaPurpose;
  /**
   * Called with the ready photo, e.g. to set it as the avatar. While its promise is pending the
   * state stays `processing`; if it rejects the upload fails with that error, and a retry calls
   * it again without uploading the photo a second time.
   */
  onReady?: (media: Media) => unknown;
};

export function isUploadBusy(state: PhotoUploadState): boolean {
  return state.status === 'preparing' || state.status === 'uploading' || state.status === 'processing';
}

/**
 * One photo's upload: `start(file)`, then the state moves through preparing → uploading
 * (progress 0–1) → processing → ready, or failed with a translated message. `cancel()` aborts
 * whatever step is running; `retry()` starts the same file again. Unmounting cancels.
 */
export function usePhotoUpload({ purpose, onReady }: UsePhotoUploadOptions) {
  const { t } = useI18n();
  const [raw, setRaw] = useState<RawState>({ status: 'idle' });
  const [file, setFile] = useState<File | null>(null);
  const controller = useRef<AbortController | null>(null);
  /** Uploaded, but `onReady` failed: a retry only calls it again. */
  const uploaded = useRef<Media | null>(null);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async (target: File) => {
      controller.current?.abort();
      const ctl = new AbortController();
      controller.current = ctl;
      const current = () => controller.current === ctl && !ctl.signal.aborted;
      try {
        let media = uploaded.current;
        if (!media) {
          const problem = checkPhotoFile(target);
          if (problem) throw new PhotoUploadError(problem);
          setRaw({ status: 'preparing' });
          media = await uploadPhoto(target, purpose, {
            signal: ctl.signal,
            onStep: (step) => {
              if (current()) setRaw(step === 'uploading' ? { status: 'uploading', progress: 0 } : { status: step });
            },
            onProgress: (progress) => {
              if (current()) setRaw({ status: 'uploading', progress });
            },
          });
        }
        if (!current()) return;
        uploaded.current = media;
        setRaw({ status: 'processing' });
        await onReadyRef.current?.(media);
        if (!current()) return;
        uploaded.current = null;
        setRaw({ status: 'ready', media });
      } catch (error) {
        if (!current() || isAbortError(error)) return;
        setRaw({ status: 'failed', error });
      }
    },
    [purpose],
  );

  const start = useCallback(
    (next: File) => {
      uploaded.current = null;
      setFile(next);
      void run(next);
    },
    [run],
  );

  const retry = useCallback(() => {
    if (file) void run(file);
  }, [file, run]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    uploaded.current = null;
    setRaw({ status: 'idle' });
  }, []);

  /** Back to idle, forgetting the file. */
  const reset = useCallback(() => {
    cancel();
    setFile(null);
  }, [cancel]);

  const state: PhotoUploadState = raw.status === 'failed' ? { status: 'failed', message: uploadErrorMessage(raw.error, t) } : raw;
  return { state, file, start, retry, cancel, reset };
}
