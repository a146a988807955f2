import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { FilePreview } from '@/features/media/components/file-preview';
import { PHOTO_ACCEPT } from '@/features/media/utils/photo-file';
import { useI18n } from '@/lib/i18n';
import '@/features/media/styles/media.css';

type PhotoPickerProps = {
  /** The files picked, dropped or pasted (one unless `multiple`); they are checked later, by the upload. */
  onFiles: (files: File[]) => void;
  multiple?: boolean;
  /** Take images pasted anywhere on the page (Ctrl+V): only where this is the one picker on screen. */
  allowPaste?: boolean;
  disabled?: boolean;
  /** The button's text (default "Choose a photo"). */
  label?: string;
  /** Shown inside the zone before upload. */
  preview?: File | null;
  previewShape?: 'circle' | 'square';
  'data-testid'?: string;
};

function imageFiles(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((f) => f.type.startsWith('image/') || f.type === '' || /\.hei[cf]$/i.test(f.name));
}

/** A button plus a drop zone (and, where allowed, paste) for choosing photos. */
export function PhotoPicker({
  onFiles,
  multiple = false,
  allowPaste = false,
  disabled = false,
  label,
  preview = null,
  previewShape = 'square',
  'data-testid': testId = 'photo-picker',
}: PhotoPickerProps) {
  const { t } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFiles);
  latest.current = onFiles;

  const take = (files: File[]) => {
    if (disabled || files.length === 0) return;
    latest.current(multiple ? files : files.slice(0, 1));
  };

  useEffect(() => {
    if (!allowPaste || disabled) return;
    const onPaste = (event: ClipboardEvent) => {
      const files = imageFiles(event.clipboardData?.files);
      if (files.length === 0) return; // plain text: leave it to the field it was pasted into
      event.preventDefault();
      latest.current(multiple ? files : files.slice(0, 1));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [allowPaste, disabled, multiple]);

  const onDragOver = (event: DragEvent) => {
    if (disabled || !Array.from(event.dataTransfer?.types ?? []).includes('Files')) return;
    event.preventDefault();
    setDragging(true);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    take(imageFiles(event.dataTransfer?.files));
  };

  const hint = [t(multiple ? 'media.picker.drop_many' : 'media.picker.drop_one'), allowPaste && t('media.picker.paste'), t('media.picker.limits')]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={['photo-picker', dragging && 'photo-picker--over', disabled && 'photo-picker--disabled'].filter(Boolean).join(' ')}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid={testId}
    >
      {preview && <FilePreview file={preview} shape={previewShape} size="lg" />}
      <div className="photo-picker__body">
        {/* The label is the button; the input stays focusable (visually hidden) for the keyboard. */}
        <input
          id={inputId}
          className="photo-picker__input"
          type="file"
          accept={PHOTO_ACCEPT}
          multiple={multiple}
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(event) => {
            take(Array.from(event.target.files ?? []));
            // Choosing the same file again must fire `change` again.
            event.target.value = '';
          }}
        />
        <label htmlFor={inputId} className={`btn btn--secondary btn--sm photo-picker__button${disabled ? ' is-disabled' : ''}`}>
          {label ?? t(multiple ? 'media.picker.choose_many' : 'media.picker.choose_one')}
        </label>
        <p id={hintId} className="photo-picker__hint muted">
          {hint}
        </p>
      </div>
    </div>
  );
}
