import { useEffect, useRef, useState } from 'react';
import { PhotoPicker } from '@/features/media/components/photo-picker';
import { PhotoUploadItem } from '@/features/media/components/photo-upload-item';
import { useI18n } from '@/lib/i18n';
import type { Media, MediaPurpose } from '@/types/api';
import '@/features/media/styles/media.css';

type QueuedFile = { key: number; file: File };

type PhotoUploadQueueProps = {
  purpose: MediaPurpose;
  /** Called for each ready photo (e.g. to add it to a portfolio); the item leaves the list when it resolves. */
  onUploaded: (media: Media) => Promise<unknown>;
  /** How many more photos may be added now (e.g. 100 minus the portfolio's size). */
  remaining: number;
  label?: string;
  allowPaste?: boolean;
  /** How many photos are in the list (uploading, processing or failed), whenever it changes. */
  onPendingChange?: (pending: number) => void;
};

/** Several photos at once, each uploading on its own with its own progress, cancel and retry. */
export function PhotoUploadQueue({ purpose, onUploaded, remaining, label, allowPaste = false, onPendingChange }: PhotoUploadQueueProps) {
  const { t } = useI18n();
  const [queue, setQueue] = useState<QueuedFile[]>([]);
  const [skipped, setSkipped] = useState(0);
  const nextKey = useRef(1);
  const room = Math.max(0, remaining - queue.length);
  const latest = useRef(onUploaded);
  latest.current = onUploaded;
  const removers = useRef(new Map<number, () => void>());
  const onPending = useRef(onPendingChange);
  onPending.current = onPendingChange;
  const pending = queue.length;
  useEffect(() => onPending.current?.(pending), [pending]);

  const remover = (key: number) => {
    let fn = removers.current.get(key);
    if (!fn) {
      fn = () => {
        removers.current.delete(key);
        setQueue((q) => q.filter((item) => item.key !== key));
      };
      removers.current.set(key, fn);
    }
    return fn;
  };

  const add = (files: File[]) => {
    const taken = files.slice(0, room);
    setSkipped(files.length - taken.length);
    setQueue((q) => [...q, ...taken.map((file) => ({ key: nextKey.current++, file }))]);
  };

  return (
    <div className="upload-queue" data-testid="upload-queue">
      <PhotoPicker onFiles={add} multiple allowPaste={allowPaste} disabled={room === 0} label={label} data-testid="queue-picker" />
      {skipped > 0 && (
        <p className="muted" role="status" data-testid="upload-queue-skipped">
          {t('media.queue.skipped', { n: skipped })}
        </p>
      )}
      {queue.length > 0 && (
        <ul className="upload-queue__list" aria-label={t('media.queue.label')}>
          {queue.map((item) => (
            <PhotoUploadItem
              key={item.key}
              file={item.file}
              purpose={purpose}
              onUploaded={(media) => latest.current(media)}
              onDone={remover(item.key)}
              data-testid="upload-queue-item"
            />
          ))}
        </ul>
      )}
    </div>
  );
}
