import { useCallback, useSyncExternalStore } from 'react';
import { en, ru, type MessageKey, type Messages } from '@/locales/catalog';

export type Language = 'ru' | 'en';
export type { MessageKey };

export const LANGUAGES: readonly Language[] = ['ru', 'en'];
export const LANGUAGE_STORAGE_KEY = 'service.lang';
const DEFAULT_LANGUAGE: Language = 'ru';

const catalogs: Record<Language, Messages> = { ru, en };

function isLanguage(value: unknown): value is Language {
  return value === 'ru' || value === 'en';
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

let current: Language = typeof window === 'undefined' ? DEFAULT_LANGUAGE : readStoredLanguage();
const listeners = new Set<() => void>();

function apply(lang: Language) {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

export function getLanguage(): Language {
  return current;
}

export function setLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  apply(lang);
}

/** True once a language was picked in this browser (the default alone is no choice). */
export function hasChosenLanguage(): boolean {
  try {
    return isLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return false;
  }
}

/** Re-reads localStorage; used at start-up and by tests. */
export function initLanguage(): void {
  apply(readStoredLanguage());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translate(lang: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogs[lang][key] ?? ru[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** The current language, a translate function bound to it, and a setter. */
export function useI18n(): { lang: Language; t: Translate; setLanguage: (lang: Language) => void } {
  const lang = useSyncExternalStore(subscribe, getLanguage, getLanguage);
  const t = useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
  return { lang, t, setLanguage };
}

if (typeof window !== 'undefined') {
  // Keep tabs in step when the language is switched in another one.
  window.addEventListener('storage', (event) => {
    if (event.key === LANGUAGE_STORAGE_KEY) apply(readStoredLanguage());
  });
}
