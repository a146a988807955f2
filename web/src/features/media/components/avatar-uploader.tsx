import { useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { FilePreview } from '@/features/media/components/file-preview';
import { PhotoPicker } from '@/features/media/components/photo-picker';
import { UploadProgress } from '@/features/media/components/upload-progress';
import { isUploadBusy, usePhotoUpload } from '@/features/media/hooks/use-photo-upload';
import { uploadErrorMessage } from '@/features/media/utils/upload-error-message';
import { checkPhotoFile } from '@/features/media/utils/photo-file';
import { PhotoUploadError } from '@/features/media/utils/upload-photo';
import { useI18n } from '@/lib/i18n';
import type { Media } from '@/types/api';
import '@/features/media/styles/media.css';

type AvatarUploaderProps = {
  name: string;
  /** The current avatar (thumb URL), or null. */
  src: string | null;
  /** Makes a ready photo the avatar (PATCH /users/me); a rejection shows as the upload's error. */
  onUploaded: (media: Media) => Promise<unknown>;
  /** Removes the avatar. */
  onRemove: () => Promise<unknown>;
};

/**
 * Sets, changes or removes an avatar: pick (button, drop or paste), see the centre crop the
 * server will make, save with a progress bar; cancel and retry along the way.
 */
export function AvatarUploader({ name, src, onUploaded, onRemove }: AvatarUploaderProps) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<File | null>(null);
  const [refused, setRefused] = useState<PhotoUploadError | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const upload = usePhotoUpload({
    purpose: 'avatar',
    onReady: async (media) => {
      await onUploaded(media);
      setChosen(null);
    },
  });
  const busy = isUploadBusy(upload.state);

  const choose = (files: File[]) => {
    const file = files[0];
    if (!file) return;
    upload.reset();
    setConfirmRemove(false);
    const problem = checkPhotoFile(file);
    setRefused(problem ? new PhotoUploadError(problem) : null);
    setChosen(problem ? null : file);
  };

  const remove = async () => {
    setRemoving(true);
    setRemoveError(null);
    try {
      await onRemove();
      setConfirmRemove(false);
    } catch (error) {
      setRemoveError(error);
    } finally {
      setRemoving(false);
    }
  };

  return (
    <div className="avatar-uploader" data-testid="avatar-uploader">
      <div className="avatar-uploader__current">
        {chosen ? <FilePreview file={chosen} shape="circle" size="lg" /> : <Avatar name={name} src={src} size="xl" />}
      </div>
      <div className="avatar-uploader__side">
        {chosen && !busy && upload.state.status !== 'failed' && (
          <>
            <p className="muted">{t('media.avatar.preview_hint')}</p>
            <div className="avatar-uploader__actions">
              <Button size="sm" onClick={() => upload.start(chosen)} data-testid="avatar-save">
                {t('media.avatar.save')}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setChosen(null)} data-testid="avatar-discard">
                {t('media.avatar.discard')}
              </Button>
            </div>
          </>
        )}
        {chosen && (
          <UploadProgress
            state={upload.state}
            name={chosen.name}
            onCancel={upload.cancel}
            onRetry={upload.retry}
            onDismiss={() => {
              upload.reset();
              setChosen(null);
            }}
          />
        )}
        {!busy && (
          <PhotoPicker
            onFiles={choose}
            allowPaste
            label={t(src || chosen ? 'media.avatar.change' : 'media.avatar.choose')}
            data-testid="avatar-picker"
          />
        )}
        {refused && (
          <p className="upload-progress__error" role="alert" data-testid="upload-error">
            {uploadErrorMessage(refused, t)}
          </p>
        )}
        {!chosen && upload.state.status === 'ready' && (
          <p className="muted" role="status" data-testid="avatar-updated">
            {t('media.avatar.updated')}
          </p>
        )}
        {src && !chosen && !busy && !confirmRemove && (
          <Button size="sm" variant="ghost" onClick={() => setConfirmRemove(true)} data-testid="avatar-remove">
            {t('media.avatar.remove')}
          </Button>
        )}
        {src && !chosen && confirmRemove && (
          <div className="avatar-uploader__confirm" role="group" aria-label={t('media.avatar.remove_confirm')}>
            <span>{t('media.avatar.remove_confirm')}</span>
            <Button size="sm" variant="ghost" onClick={() => setConfirmRemove(false)}>
              {t('media.cancel')}
            </Button>
            <Button size="sm" variant="danger" loading={removing} onClick={() => void remove()} data-testid="avatar-remove-confirm">
              {t('media.avatar.remove_yes')}
            </Button>
          </div>
        )}
        {removeError !== null && (
          <p className="upload-progress__error" role="alert">
            {uploadErrorMessage(removeError, t)}
          </p>
        )}
      </div>
    </div>
  );
}
