import { localeOf } from '@/lib/format';
import type { Language } from '@/lib/i18n';

/** 1234 → "1 234" (ru) or "1,234" (en); 12 345 and up → "12 тыс." / "12K". */
export function formatCount(n: number, lang: Language): string {
  const compact = n >= 10_000;
  return new Intl.NumberFormat(localeOf(lang), compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}).format(n);
}
