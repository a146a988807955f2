// The last searches of this browser, newest first, in localStorage. A small external store:
// every search box of the tab (and other tabs, through the storage event) sees a change.

export const RECENT_SEARCHES_STORAGE_KEY = 'service.recent_searches';
export const MAX_RECENT_SEARCHES = 8;

const listeners = new Set<() => void>();
let cache: { raw: string | null; items: string[] } = { raw: null, items: [] };

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(RECENT_SEARCHES_STORAGE_KEY);
  } catch {
    return null;
  }
}

function parse(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_RECENT_SEARCHES) : [];
  } catch {
    return [];
  }
}

/** The same array until the stored value changes (useSyncExternalStore compares snapshots). */
export function getRecentSearches(): string[] {
  const raw = readRaw();
  if (raw !== cache.raw) cache = { raw, items: parse(raw) };
  return cache.items;
}

function write(items: string[]): void {
  try {
    if (items.length === 0) window.localStorage.removeItem(RECENT_SEARCHES_STORAGE_KEY);
    else window.localStorage.setItem(RECENT_SEARCHES_STORAGE_KEY, JSON.stringify(items));
  } catch {
    // Private mode or a full quota: the list is simply not kept.
  }
  for (const listener of listeners) listener();
}

/** Puts `text` first (once, whatever its case), keeping the last MAX_RECENT_SEARCHES. */
export function addRecentSearch(text: string): void {
  const query = text.trim().replace(/\s+/g, ' ');
  if (!query) return;
  const rest = getRecentSearches().filter((item) => item.toLowerCase() !== query.toLowerCase());
  write([query, ...rest].slice(0, MAX_RECENT_SEARCHES));
}

export function removeRecentSearch(text: string): void {
  write(getRecentSearches().filter((item) => item !== text));
}

export function clearRecentSearches(): void {
  write([]);
}

export function subscribeRecentSearches(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === RECENT_SEARCHES_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
