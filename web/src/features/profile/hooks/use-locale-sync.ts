import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { meQueryKey, useUser } from '@/lib/auth';
import { hasChosenLanguage, useI18n } from '@/lib/i18n';
import { updateLocale } from '@/features/profile/api/update-locale';

/** `${userId}:${lang}` of the last language this browser told the server, so it is told once. */
export const LOCALE_SYNCED_STORAGE_KEY = 'service.locale_synced';

function read(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_SYNCED_STORAGE_KEY);
  } catch {
    return null;
  }
}

function write(value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(LOCALE_SYNCED_STORAGE_KEY);
    else window.localStorage.setItem(LOCALE_SYNCED_STORAGE_KEY, value);
  } catch {
    // Private mode: we may tell the server again next time, which does no harm.
  }
}

/**
 * Tells the server the UI language (PATCH /users/me {locale}) when the user picks one, also
 * one picked on the login page before signing in. Until a language is picked the server
 * keeps whatever it has.
 */
export function useLocaleSync(): void {
  const { lang } = useI18n();
  const userId = useUser().data?.id;
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!userId || !hasChosenLanguage()) return;
    const marker = `${userId}:${lang}`;
    if (read() === marker) return;
    write(marker);
    updateLocale({ locale: lang }).then(
      (user) => queryClient.setQueryData(meQueryKey, user),
      () => {
        // Try again on the next start or switch.
        if (read() === marker) write(null);
      },
    );
  }, [userId, lang, queryClient]);
}
