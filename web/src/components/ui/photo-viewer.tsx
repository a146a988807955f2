import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { Photo, type PhotoSource } from '@/components/ui/photo';
import { useI18n } from '@/lib/i18n';

/** One photo of the viewer: what to draw, its description and an optional caption under it. */
export type ViewerPhoto = {
  /** Stable across renders (a portfolio item's or a message's id). */
  id: string;
  photo: PhotoSource;
  alt: string;
  caption?: string;
};

type PhotoViewerProps = {
  items: readonly ViewerPhoto[];
  index: number;
  /** Needed only when there is more than one photo. */
  onIndexChange?: (index: number) => void;
  onClose: () => void;
  /** Names the dialog, e.g. "Портфолио: Мария". */
  label: string;
  /** The shown photo failed to load (e.g. its signed link expired). */
  onPhotoError?: (item: ViewerPhoto) => void;
};

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Full-screen photos, one at a time: ← and → (or the buttons) go through them, round the
 * ends; Esc closes. Focus stays inside while it is open and goes back where it was after.
 */
export function PhotoViewer({ items, index, onIndexChange = () => {}, onClose, label, onPhotoError }: PhotoViewerProps) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const item = items[index];
  const count = items.length;
  const latest = useRef({ index, count, onIndexChange, onClose });
  latest.current = { index, count, onIndexChange, onClose };

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    const { overflow } = document.body.style;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = overflow;
      opener?.focus();
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { index: at, count: n, onIndexChange: go, onClose: close } = latest.current;
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      } else if (event.key === 'ArrowRight' && n > 1) {
        event.preventDefault();
        go((at + 1) % n);
      } else if (event.key === 'ArrowLeft' && n > 1) {
        event.preventDefault();
        go((at - 1 + n) % n);
      } else if (event.key === 'Tab') {
        // Keep focus inside the dialog.
        const focusable = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (!first || !last) return;
        const inside = dialogRef.current?.contains(document.activeElement) ?? false;
        if (event.shiftKey && (document.activeElement === first || !inside)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
          event.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!item) return null;
  return createPortal(
    <div className="photo-viewer" role="dialog" aria-modal="true" aria-label={label} ref={dialogRef} data-testid="photo-viewer">
      <div className="photo-viewer__bar">
        {count > 1 && (
          <span className="photo-viewer__counter" data-testid="photo-viewer-counter">
            {t('photo.viewer.counter', { n: index + 1, total: count })}
          </span>
        )}
        <button ref={closeRef} type="button" className="photo-viewer__button" onClick={onClose} aria-label={t('photo.viewer.close')}>
          ×
        </button>
      </div>
      <div className="photo-viewer__stage" onClick={(event) => event.target === event.currentTarget && onClose()}>
        {count > 1 && (
          <button
            type="button"
            className="photo-viewer__button photo-viewer__nav photo-viewer__nav--prev"
            onClick={() => onIndexChange((index - 1 + count) % count)}
            aria-label={t('photo.viewer.previous')}
          >
            ‹
          </button>
        )}
        <figure className="photo-viewer__figure">
          <Photo
            key={item.id}
            photo={item.photo}
            alt={item.alt}
            fit="natural"
            sizes="100vw"
            loading="eager"
            onError={onPhotoError && (() => onPhotoError(item))}
          />
          {item.caption && (
            <figcaption className="photo-viewer__caption" data-testid="photo-viewer-caption">
              {item.caption}
            </figcaption>
          )}
        </figure>
        {count > 1 && (
          <button
            type="button"
            className="photo-viewer__button photo-viewer__nav photo-viewer__nav--next"
            onClick={() => onIndexChange((index + 1) % count)}
            aria-label={t('photo.viewer.next')}
          >
            ›
          </button>
        )}
      </div>
    </div>,
    document.body,
  );
}
