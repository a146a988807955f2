import type { NextFreeSlot } from '@/features/search/api/get-search-results';
import { localeOf } from '@/lib/format';
import { useI18n } from '@/lib/i18n';

/** "Free 12 March at 14:30": the first free slot on the chosen day, in the master's zone. */
export function FreeSlot({ slot }: { slot: NextFreeSlot }) {
  const { t, lang } = useI18n();
  if (!slot) return null;
  const [date = '', time = ''] = slot.local_start.split('T');
  // A calendar day of the master's zone: formatted at UTC midnight, so the browser's zone cannot shift it.
  const day = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
  return (
    <p className="search-free" data-testid="search-free-slot" data-start={slot.start_at}>
      {t('search.free_at', { date: day, time: time.slice(0, 5) })}
    </p>
  );
}
