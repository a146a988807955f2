import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '@/lib/i18n';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

type SheetProps = {
  /** The heading, which also names the dialog. */
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Stays at the bottom while the body scrolls (e.g. a comment box). */
  footer?: ReactNode;
  /** small: a short dialog (a confirmation, a repost); tall: a long list (comments). */
  size?: 'small' | 'tall';
  'data-testid'?: string;
};

/**
 * A modal panel: a sheet rising from the bottom of a phone, a centred dialog on wider
 * screens. Esc, the × and a tap outside close it; focus stays inside while it is open and
 * goes back where it was after.
 */
export function Sheet({ title, onClose, children, footer, size = 'small', 'data-testid': testId = 'sheet' }: SheetProps) {
  const { t } = useI18n();
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = dialogRef.current;
    const first = dialog?.querySelector<HTMLElement>('[data-autofocus]') ?? dialog;
    first?.focus();
    const { overflow } = document.body.style;
    document.body.style.overflow = 'hidden';
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        latestClose.current();
      } else if (event.key === 'Tab') {
        const focusable = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
        const head = focusable[0];
        const tail = focusable[focusable.length - 1];
        if (!head || !tail) return;
        const inside = dialogRef.current?.contains(document.activeElement) ?? false;
        if (event.shiftKey && (document.activeElement === head || !inside)) {
          event.preventDefault();
          tail.focus();
        } else if (!event.shiftKey && (document.activeElement === tail || !inside)) {
          event.preventDefault();
          head.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.style.overflow = overflow;
      opener?.focus();
    };
  }, []);

  return createPortal(
    <div className="sheet-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        className={`sheet sheet--${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <div className="sheet__head">
          <h2 id={titleId} className="sheet__title">
            {title}
          </h2>
          <button type="button" className="sheet__close" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </div>
        <div className="sheet__body">{children}</div>
        {footer && <div className="sheet__footer">{footer}</div>}
      </div>
    </div>,
    document.body,
  );
}
