import { useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { Spinner } from '@/components/ui/spinner';
import { useSlots, type Slot } from '@/features/bookings/api/get-slots';
import { addDays, browserTimeZone, dateInZone, formatDay, localTimeOf } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import '@/features/bookings/styles/bookings.css';

/** Days shown (and fetched) at once; the API allows up to 31. */
export const SLOT_WINDOW_DAYS = 14;

type Props = {
  masterId: string;
  serviceId: string;
  /** The master's zone; when unknown the answer's `timezone` is used. */
  timeZone?: string | undefined;
  /** How far ahead the master accepts bookings. */
  horizonDays?: number | undefined;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
};

/**
 * A calendar of free slots: a strip of days in the master's zone, then the free times of the
 * chosen day. Times are the master's wall-clock times (`local_start`).
 */
export function SlotPicker({ masterId, serviceId, timeZone, horizonDays, selected, onSelect }: Props) {
  const { t, lang } = useI18n();
  const [offset, setOffset] = useState(0);
  const [answeredZone, setAnsweredZone] = useState<string | null>(null);
  const zone = timeZone ?? answeredZone ?? browserTimeZone();
  const today = dateInZone(new Date(), zone);
  const windowStart = addDays(today, offset);
  // Without the master's zone, "today" may be a day off: ask for one more day before.
  const from = timeZone || answeredZone ? windowStart : addDays(windowStart, -1);
  const to = addDays(windowStart, SLOT_WINDOW_DAYS - 1);
  const slots = useSlots({ masterId, serviceId, from, to });

  useEffect(() => {
    if (slots.data && !timeZone) setAnsweredZone(slots.data.timezone);
  }, [slots.data, timeZone]);

  const days = useMemo(() => Array.from({ length: SLOT_WINDOW_DAYS }, (_, i) => addDays(windowStart, i)), [windowStart]);
  const byDay = useMemo(() => {
    const map = new Map<string, Slot[]>();
    for (const slot of slots.data?.items ?? []) {
      const day = slot.local_start.slice(0, 10);
      map.set(day, [...(map.get(day) ?? []), slot]);
    }
    return map;
  }, [slots.data]);

  const [day, setDay] = useState<string | null>(selected ? selected.local_start.slice(0, 10) : null);
  const firstFree = days.find((d) => (byDay.get(d)?.length ?? 0) > 0) ?? null;
  // Until the user picks a day, show the first one with free time.
  const shownDay = day && days.includes(day) ? day : firstFree;
  const times = shownDay ? (byDay.get(shownDay) ?? []) : [];
  const horizonReached = horizonDays !== undefined && offset + SLOT_WINDOW_DAYS >= horizonDays;
  const shownZone = slots.data?.timezone ?? zone;

  return (
    <div className="slot-picker" data-testid="slot-picker">
      <div className="slot-picker__nav">
        <Button
          variant="ghost"
          size="sm"
          disabled={offset === 0}
          onClick={() => setOffset((o) => Math.max(0, o - SLOT_WINDOW_DAYS))}
          aria-label={t('slots.earlier')}
          data-testid="slots-earlier"
        >
          ‹
        </Button>
        <span className="slot-picker__range">
          {formatDay(windowStart, lang, { weekday: undefined })} — {formatDay(to, lang, { weekday: undefined })}
        </span>
        <Button
          variant="ghost"
          size="sm"
          disabled={horizonReached}
          onClick={() => setOffset((o) => o + SLOT_WINDOW_DAYS)}
          aria-label={t('slots.later')}
          data-testid="slots-later"
        >
          ›
        </Button>
      </div>

      {slots.isError && (
        <QueryErrorAlert query={slots} />
      )}

      <div className="slot-days" role="group" aria-label={t('slots.days')}>
        {days.map((d) => {
          const count = byDay.get(d)?.length ?? 0;
          return (
            <button
              key={d}
              type="button"
              className="slot-day"
              aria-pressed={d === shownDay}
              disabled={count === 0}
              data-testid={`slot-day-${d}`}
              onClick={() => setDay(d)}
            >
              <span className="slot-day__weekday">{formatDay(d, lang, { weekday: 'short', month: undefined, day: undefined })}</span>
              <span className="slot-day__date">{formatDay(d, lang, { weekday: undefined, month: 'short' })}</span>
            </button>
          );
        })}
      </div>

      {slots.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : times.length > 0 ? (
        <div className="slot-times" role="group" aria-label={shownDay ? formatDay(shownDay, lang) : undefined}>
          {times.map((slot) => (
            <button
              key={slot.start_at}
              type="button"
              className="slot-time"
              aria-pressed={selected?.start_at === slot.start_at}
              data-testid="slot"
              data-start={slot.start_at}
              onClick={() => onSelect(slot)}
            >
              {localTimeOf(slot.local_start)}
            </button>
          ))}
        </div>
      ) : (
        !slots.isError && (
          <p className="muted" data-testid="no-slots">
            {t('slots.none')}
          </p>
        )
      )}
      {shownZone !== browserTimeZone() && (
        <p className="field__hint" data-testid="slots-timezone">
          {t('slots.timezone_note', { zone: shownZone })}
        </p>
      )}
      {slots.isFetching && !slots.isPending && <Spinner size="sm" label={t('common.loading')} />}
    </div>
  );
}
