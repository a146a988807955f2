import { isPhotoUploadError } from '@/features/media/utils/upload-photo';
import { isApiProblem } from '@/lib/api-client';
import type { MessageKey, Translate } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import type { MediaFailureReason } from '@/types/api';

const REASONS: Record<MediaFailureReason, MessageKey> = {
  unsupported_type: 'media.error.reason_unsupported_type',
  too_large: 'media.error.reason_too_large',
  corrupt: 'media.error.reason_corrupt',
  processing_error: 'media.error.reason_processing_error',
};

/** A sentence for anything `uploadPhoto` (or attaching its result) may throw. */
export function uploadErrorMessage(error: unknown, t: Translate): string {
  if (isPhotoUploadError(error)) {
    switch (error.kind) {
      case 'too_large':
        return t('media.error.too_large');
      case 'unsupported_type':
        return t('media.error.unsupported_type');
      case 'empty':
        return t('media.error.empty');
      case 'expired':
        return t('media.error.expired');
      case 'timeout':
        return t('media.error.timeout');
      case 'processing_failed':
        return t('media.error.processing_failed', {
          reason: t(error.reason ? REASONS[error.reason] : 'media.error.reason_processing_error'),
        });
    }
  }
  if (isApiProblem(error)) {
    if (error.code === 'payload_too_large' || error.status === 413) return t('media.error.too_large');
    if (error.code === 'unsupported_media_type' || error.status === 415) return t('media.error.unsupported_type');
    if (error.code === 'too_many_pending_uploads') {
      return error.retryAfter !== undefined
        ? t('media.error.too_many_pending_retry', { seconds: error.retryAfter })
        : t('media.error.too_many_pending');
    }
    if (error.code === 'upload_expired') return t('media.error.expired');
  }
  return problemMessage(error, t);
}
