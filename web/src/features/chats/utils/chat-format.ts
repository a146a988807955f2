import { localeOf } from '@/lib/format';
import { translate, type Language } from '@/lib/i18n';
import { localDay } from '@/features/chats/utils/messages';

// Chat times are shown in the browser's zone: they are about when people talked, not about
// where a master works.

function dayDiff(day: string, now: Date): number {
  const today = localDay(now.toISOString());
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

export function formatClock(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "Сегодня", "Вчера", "5 марта", "5 марта 2025" for a "YYYY-MM-DD" local day. */
export function formatDayLabel(day: string, lang: Language, now = new Date()): string {
  const diff = dayDiff(day, now);
  if (diff === 0) return translate(lang, 'chats.today');
  if (diff === 1) return translate(lang, 'chats.yesterday');
  const sameYear = day.slice(0, 4) === String(now.getFullYear());
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** The time of a list entry: "14:05" today, "5 мар." this year, "05.03.2025" before. */
export function formatListTime(iso: string, lang: Language, now = new Date()): string {
  const day = localDay(iso);
  if (dayDiff(day, now) === 0) return formatClock(iso, lang);
  const date = new Date(iso);
  if (date.getFullYear() === now.getFullYear()) {
    return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'short' }).format(date);
  }
  return new Intl.DateTimeFormat(localeOf(lang), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** "в сети" or "был(а) в сети сегодня в 14:05". */
export function formatPresence(online: boolean, lastSeenAt: string | null, lang: Language, now = new Date()): string {
  if (online) return translate(lang, 'chats.online');
  if (!lastSeenAt) return translate(lang, 'chats.offline');
  const time = formatClock(lastSeenAt, lang);
  const diff = dayDiff(localDay(lastSeenAt), now);
  const when =
    diff === 0
      ? translate(lang, 'chats.last_seen_today', { time })
      : diff === 1
        ? translate(lang, 'chats.last_seen_yesterday', { time })
        : formatDayLabel(localDay(lastSeenAt), lang, now);
  return translate(lang, 'chats.last_seen', { when });
}
