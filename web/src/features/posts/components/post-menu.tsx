import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '@/lib/i18n';

type PostMenuProps = { onEdit: () => void; onDelete: () => void };

/** The author's ⋯ menu: edit the text, delete. Esc or a click elsewhere closes it. */
export function PostMenu({ onEdit, onDelete }: PostMenuProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const pick = (action: () => void) => () => {
    setOpen(false);
    action();
  };

  return (
    <div className="post-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="post-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('posts.menu')}
        onClick={() => setOpen((v) => !v)}
        data-testid="post-menu"
      >
        ⋯
      </button>
      {open && (
        <ul className="post-menu__list" role="menu" id={menuId}>
          <li role="none">
            <button type="button" role="menuitem" className="post-menu__item" onClick={pick(onEdit)} data-testid="post-edit">
              {t('posts.edit')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" className="post-menu__item post-menu__item--danger" onClick={pick(onDelete)} data-testid="post-delete">
              {t('posts.delete')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
