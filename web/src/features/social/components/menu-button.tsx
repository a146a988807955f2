import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import '@/features/social/styles/social.css';

export type MenuItem = { label: string; onSelect: () => void; danger?: boolean; testId?: string; hint?: string };

type Props = {
  /** The button's content (text or an icon). */
  children: ReactNode;
  items: readonly MenuItem[];
  'aria-label'?: string;
  variant?: ButtonProps['variant'];
  loading?: boolean;
  'data-testid'?: string;
};

/** A button that opens a short list of actions; Escape or a click elsewhere closes it. */
export function MenuButton({ children, items, 'aria-label': ariaLabel, variant = 'secondary', loading, 'data-testid': testId }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="menu" ref={root}>
      <Button
        ref={button}
        variant={variant}
        size="sm"
        loading={loading}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        data-testid={testId}
        onClick={() => setOpen((v) => !v)}
      >
        {children}
      </Button>
      {open && (
        <ul className="menu__list" role="menu" id={menuId}>
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                className={`menu__item${item.danger ? ' menu__item--danger' : ''}`}
                data-testid={item.testId}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                <span>{item.label}</span>
                {item.hint && <span className="menu__hint muted">{item.hint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
