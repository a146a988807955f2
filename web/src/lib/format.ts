import { translate, type Language } from '@/lib/i18n';

// Display formatting shared by the marketplace screens. Everything takes the language
// explicitly so that components re-render with the right locale after a switch.

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

export function localeOf(lang: Language): string {
  return LOCALES[lang];
}

/** Digits after the decimal point of a currency (RUB 2, JPY 0); 2 when the runtime does not know it. */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 150000 RUB → "1 500 ₽" (ru) / "₽1,500" (en); kopecks are shown only when there are any. */
export function formatMoney(minor: number, currency: string, lang: Language): string {
  const exponent = currencyExponent(currency);
  const major = minor / 10 ** exponent;
  const whole = minor % 10 ** exponent === 0;
  try {
    return new Intl.NumberFormat(localeOf(lang), {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: whole ? 0 : exponent,
      maximumFractionDigits: exponent,
    }).format(major);
  } catch {
    return `${major} ${currency}`;
  }
}

/**
 * "1 500", "1500,5", "1 500.50" → minor units; null when it is not an amount with at most
 * `exponent` decimals. Russian keyboards type a decimal comma and group with spaces.
 */
export function parseMoneyInput(raw: string, exponent = 2): number | null {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const pattern = exponent > 0 ? new RegExp(`^\\d+(\\.\\d{1,${exponent}})?$`) : /^\d+$/;
  if (!pattern.test(compact)) return null;
  const [whole = '0', fraction = ''] = compact.split('.');
  return Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

/** Minor units → what a money input shows ("1500", "1500,5"). */
export function moneyInputValue(minor: number, currency: string, lang: Language): string {
  const exponent = currencyExponent(currency);
  const major = minor / 10 ** exponent;
  const text = Number.isInteger(major) ? String(major) : major.toFixed(exponent).replace(/0+$/, '');
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** 90 → "1 ч 30 мин" / "1 h 30 min"; 45 → "45 мин"; 120 → "2 ч". */
export function formatDuration(minutes: number, lang: Language): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return translate(lang, 'format.minutes', { m });
  if (m === 0) return translate(lang, 'format.hours', { h });
  return translate(lang, 'format.hours_minutes', { h, m });
}

/** 350 → "350 м"; 1234 → "1,2 км"; 15300 → "15 км". */
export function formatDistance(meters: number, lang: Language): string {
  if (meters < 1000) return translate(lang, 'format.meters', { m: Math.max(0, Math.round(meters / 10) * 10) });
  const km = meters / 1000;
  const value = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
  return translate(lang, 'format.kilometers', { km: value });
}

/** 4.666 → "4,7" / "4.7". */
export function formatRating(avg: number, lang: Language): string {
  return new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(avg);
}

// ---------------------------------------------------------------------------------------
// Dates. A "date" here is a calendar day string "YYYY-MM-DD" in some IANA zone; day
// arithmetic is done on UTC midnights so that it never depends on the browser's zone.

/** The calendar day of `instant` in `timeZone`, as "YYYY-MM-DD". */
export function dateInZone(instant: Date, timeZone: string): string {
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      instant,
    );
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday, as the schedule API counts. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "2025-03-30" → "вс, 30 марта" / "Sun 30 March" (no zone shifts: the day is the day). */
export function formatDay(date: string, lang: Language, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
    ...options,
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "2025-03-30T10:00" (a wall-clock time without zone) → "10:00". */
export function localTimeOf(localStart: string): string {
  return localStart.slice(11, 16);
}

/** An instant shown in `timeZone` (the browser's when undefined): "30 марта 2025, 10:00". */
export function formatDateTime(iso: string, lang: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  };
  try {
    return new Intl.DateTimeFormat(localeOf(lang), timeZone ? { ...options, timeZone } : options).format(date);
  } catch {
    return new Intl.DateTimeFormat(localeOf(lang), options).format(date);
  }
}

/** "10:00" of an instant in `timeZone`. */
export function formatTime(iso: string, lang: Language, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(localeOf(lang), timeZone ? { ...options, timeZone } : options).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(localeOf(lang), options).format(new Date(iso));
  }
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * How long ago `iso` was: "только что" under a minute, then "5 минут назад" / "5 minutes ago",
 * hours, days (up to a week), and after that the date ("5 марта", "5 марта 2025").
 */
export function formatRelativeTime(iso: string, lang: Language, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 60) return translate(lang, 'format.just_now');
  const rtf = new Intl.RelativeTimeFormat(localeOf(lang), { numeric: 'auto' });
  let value = Math.floor(seconds / 60);
  for (const [unit, next] of RELATIVE_STEPS) {
    if (value < next) return rtf.format(-value, unit);
    value = Math.floor(value / next);
  }
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) }).format(date);
}
