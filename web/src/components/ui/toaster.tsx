import { useEffect, useSyncExternalStore } from 'react';

export type ToastTone = 'error' | 'success' | 'info';
export type Toast = { id: number; tone: ToastTone; title: string; description?: string | undefined };

// A tiny store so that non-React code (the session watcher) can raise toasts too.
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: readonly Toast[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

export const toast = {
  show(tone: ToastTone, title: string, description?: string): number {
    const id = nextId++;
    // Keep the last few; an identical toast replaces the previous one.
    const rest = toasts.filter((t) => !(t.title === title && t.description === description)).slice(-2);
    emit([...rest, { id, tone, title, description }]);
    return id;
  },
  error: (title: string, description?: string) => toast.show('error', title, description),
  success: (title: string, description?: string) => toast.show('success', title, description),
  info: (title: string, description?: string) => toast.show('info', title, description),
  dismiss(id: number) {
    emit(toasts.filter((t) => t.id !== id));
  },
  clear() {
    emit([]);
  },
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getToasts = () => toasts;

function ToastItem({ item, closeLabel }: { item: Toast; closeLabel: string }) {
  useEffect(() => {
    const timer = window.setTimeout(() => toast.dismiss(item.id), item.tone === 'error' ? 8000 : 4000);
    return () => window.clearTimeout(timer);
  }, [item.id, item.tone]);

  return (
    <div className={`toast toast--${item.tone}`} role={item.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
      <div className="toast__body">
        <p className="toast__title">{item.title}</p>
        {item.description && <p className="toast__text">{item.description}</p>}
      </div>
      <button type="button" className="toast__close" aria-label={closeLabel} onClick={() => toast.dismiss(item.id)}>
        ×
      </button>
    </div>
  );
}

export function Toaster({ closeLabel }: { closeLabel: string }) {
  const items = useSyncExternalStore(subscribe, getToasts, getToasts);
  return (
    <div className="toaster" aria-live="polite">
      {items.map((item) => (
        <ToastItem key={item.id} item={item} closeLabel={closeLabel} />
      ))}
    </div>
  );
}
