import { useState } from 'react';
import { useObjectUrl } from '@/features/media/hooks/use-object-url';
import { useI18n } from '@/lib/i18n';
import '@/features/media/styles/media.css';

/**
 * A chosen file, before it is uploaded, through an object URL (revoked on unmount).
 * `circle` and `square` crop the centre the way the server's 160×160 thumb will.
 */
export function FilePreview({ file, shape = 'square', size = 'md' }: { file: File; shape?: 'circle' | 'square'; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useI18n();
  const url = useObjectUrl(file);
  // A photo the browser cannot draw (HEIC outside Safari) is still uploaded: show its name instead.
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <span className={`file-preview file-preview--${shape} file-preview--${size}`}>
      {url && failed !== url && (
        <img
          className="file-preview__img"
          src={url}
          alt={t('media.preview_alt', { name: file.name })}
          data-testid="file-preview"
          onError={() => setFailed(url)}
        />
      )}
      {url && failed === url && (
        <span className="file-preview__name" data-testid="file-preview-name">
          {file.name}
        </span>
      )}
    </span>
  );
}
