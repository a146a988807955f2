import { useEffect } from 'react';
import { FilePreview } from '@/features/media/components/file-preview';
import { UploadProgress } from '@/features/media/components/upload-progress';
import { usePhotoUpload } from '@/features/media/hooks/use-photo-upload';
import type { Media, MediaPurpose } from '@/types/api';
import '@/features/media/styles/media.css';

export type PhotoUploadItemProps = {
  file: File;
  purpose: MediaPurpose;
  /** Called with the ready photo (add it to a portfolio, send it in a chat…); while it is pending the item stays "processing". */
  onUploaded: (media: Media) => unknown;
  /**
   * The item is finished with: its photo was used, or it was cancelled or dismissed. Must keep
   * its identity across renders (it is an effect's dependency).
   */
  onDone: () => void;
  'data-testid'?: string;
};

/**
 * One photo uploading on its own: a preview, its name and the progress with cancel, retry
 * and the reason when it failed. It starts when it appears; unmounting it cancels.
 */
export function PhotoUploadItem({ file, purpose, onUploaded, onDone, 'data-testid': testId = 'upload-item' }: PhotoUploadItemProps) {
  const upload = usePhotoUpload({ purpose, onReady: onUploaded });
  const { start, state } = upload;
  useEffect(() => start(file), [file, start]);
  const done = state.status === 'ready';
  useEffect(() => {
    if (done) onDone();
  }, [done, onDone]);

  return (
    <li className="upload-item" data-testid={testId}>
      <FilePreview file={file} size="sm" />
      <div className="upload-item__body">
        <span className="upload-item__name">{file.name}</span>
        <UploadProgress
          state={state}
          name={file.name}
          onCancel={() => {
            upload.cancel();
            onDone();
          }}
          onRetry={upload.retry}
          onDismiss={onDone}
        />
      </div>
    </li>
  );
}
