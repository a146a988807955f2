import { Button } from '@/components/ui/button';
import type { PhotoUploadState } from '@/features/media/hooks/use-photo-upload';
import { useI18n } from '@/lib/i18n';
import '@/features/media/styles/media.css';

type UploadProgressProps = {
  state: PhotoUploadState;
  /** Names the bar for screen readers (the file's name). */
  name: string;
  onCancel?: () => void;
  onRetry?: () => void;
  /** A failed upload can also be dropped (e.g. from a list of uploads). */
  onDismiss?: () => void;
  'data-testid'?: string;
};

/** Where an upload is: a real progress bar while the bytes go, with cancel; the reason and retry when it failed. */
export function UploadProgress({ state, name, onCancel, onRetry, onDismiss, 'data-testid': testId = 'upload-progress' }: UploadProgressProps) {
  const { t } = useI18n();
  if (state.status === 'idle') return null;

  if (state.status === 'failed') {
    return (
      <div className="upload-progress upload-progress--failed" data-testid={testId}>
        <p className="upload-progress__error" role="alert" data-testid="upload-error">
          {state.message}
        </p>
        <div className="upload-progress__actions">
          {onRetry && (
            <Button size="sm" variant="secondary" onClick={onRetry} data-testid="upload-retry">
              {t('media.retry')}
            </Button>
          )}
          {onDismiss && (
            <Button size="sm" variant="ghost" onClick={onDismiss} data-testid="upload-dismiss">
              {t('media.dismiss')}
            </Button>
          )}
        </div>
      </div>
    );
  }

  if (state.status === 'ready') {
    return (
      <p className="upload-progress upload-progress--done" role="status" data-testid={testId}>
        {t('media.status.ready')}
      </p>
    );
  }

  const percent = state.status === 'uploading' ? Math.round(state.progress * 100) : null;
  const text =
    state.status === 'uploading'
      ? t('media.status.uploading', { percent: percent ?? 0 })
      : t(state.status === 'preparing' ? 'media.status.preparing' : 'media.status.processing');
  return (
    <div className="upload-progress" data-testid={testId} data-status={state.status}>
      <div
        className={`upload-progress__bar${percent === null ? ' upload-progress__bar--busy' : ''}`}
        role="progressbar"
        aria-label={t('media.progress_label', { name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
      >
        <span className="upload-progress__fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <div className="upload-progress__row">
        <span className="upload-progress__text" aria-hidden="true" data-testid="upload-status">
          {text}
        </span>
        {onCancel && (
          <Button size="sm" variant="ghost" onClick={onCancel} data-testid="upload-cancel">
            {t('media.cancel')}
          </Button>
        )}
      </div>
    </div>
  );
}
