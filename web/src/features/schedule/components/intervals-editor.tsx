import { Button } from '@/components/ui/button';
import type { Interval } from '@/features/schedule/api/get-schedule';
import { nextInterval } from '@/features/schedule/utils/intervals';
import { useI18n } from '@/lib/i18n';
import '@/features/schedule/styles/schedule.css';

type Props = {
  /** Prefix of the inputs' accessible names, e.g. "Понедельник". */
  label: string;
  intervals: readonly Interval[];
  onChange: (next: Interval[]) => void;
  testId: string;
};

/** Working intervals of one day; the gaps between them are breaks. */
export function IntervalsEditor({ label, intervals, onChange, testId }: Props) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<Interval>) =>
    onChange(intervals.map((i, k) => (k === index ? { ...i, ...patch } : i)));

  return (
    <div className="intervals" data-testid={testId}>
      {intervals.map((interval, index) => (
        <div className="interval" key={index}>
          <input
            type="time"
            step={300}
            className="field__input interval__input"
            aria-label={t('schedule.interval_start', { day: label, n: index + 1 })}
            value={interval.start}
            onChange={(e) => update(index, { start: e.target.value })}
            data-testid={`${testId}-start-${index}`}
          />
          <span aria-hidden="true">–</span>
          <input
            type="time"
            step={300}
            className="field__input interval__input"
            aria-label={t('schedule.interval_end', { day: label, n: index + 1 })}
            value={interval.end}
            onChange={(e) => update(index, { end: e.target.value })}
            data-testid={`${testId}-end-${index}`}
          />
          <button
            type="button"
            className="icon-btn"
            aria-label={t('schedule.remove_interval', { day: label, n: index + 1 })}
            onClick={() => onChange(intervals.filter((_, k) => k !== index))}
          >
            ×
          </button>
        </div>
      ))}
      <Button
        variant="ghost"
        size="sm"
        onClick={() => onChange([...intervals, nextInterval(intervals)])}
        data-testid={`${testId}-add`}
      >
        {intervals.length === 0 ? t('schedule.add_hours') : t('schedule.add_interval')}
      </Button>
    </div>
  );
}
