import { useState, type DragEvent, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import { imageFiles } from '@/features/chats/hooks/use-photo-attachments';
import '@/features/chats/styles/chats.css';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

type Props = {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  className: string;
  children: ReactNode;
  'data-testid'?: string;
};

/** Photos dragged onto the conversation go to the send box; a hint covers it while they hover. */
export function PhotoDropZone({ onFiles, disabled = false, className, children, 'data-testid': testId }: Props) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);

  const onDragOver = (event: DragEvent) => {
    if (disabled || !carriesFiles(event)) return;
    // Without this the browser opens the dropped file instead.
    event.preventDefault();
    setOver(true);
  };

  return (
    <div
      className={`${className}${over ? ' photo-drop--over' : ''}`}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        if (disabled || !carriesFiles(event)) return;
        event.preventDefault();
        setOver(false);
        onFiles(imageFiles(event.dataTransfer.files));
      }}
      data-testid={testId}
    >
      {children}
      {over && (
        <div className="photo-drop__hint" aria-hidden="true">
          {t('chats.drop_photos')}
        </div>
      )}
    </div>
  );
}
