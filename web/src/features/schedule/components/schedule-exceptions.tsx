import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { toast } from '@/components/ui/toaster';
import { useDeleteScheduleException } from '@/features/schedule/api/delete-schedule-exception';
import type { Interval, ScheduleException } from '@/features/schedule/api/get-schedule';
import { usePutScheduleException } from '@/features/schedule/api/put-schedule-exception';
import { IntervalsEditor } from '@/features/schedule/components/intervals-editor';
import { checkIntervals } from '@/features/schedule/utils/intervals';
import { dateInZone, formatDay } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';

type Props = { exceptions: readonly ScheduleException[]; timeZone: string };

/** Days off and special hours on particular dates. */
export function ScheduleExceptions({ exceptions, timeZone }: Props) {
  const { t, lang } = useI18n();
  const put = usePutScheduleException();
  const remove = useDeleteScheduleException();
  const today = dateInZone(new Date(), timeZone);
  const [date, setDate] = useState('');
  const [mode, setMode] = useState<'off' | 'hours'>('off');
  const [intervals, setIntervals] = useState<Interval[]>([{ start: '10:00', end: '16:00' }]);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setError(t('validation.date_required'));
      return;
    }
    if (date < today) {
      setError(t('validation.date_past'));
      return;
    }
    const body = mode === 'off' ? [] : intervals;
    const issue = mode === 'hours' ? (intervals.length === 0 ? 'validation.intervals_required' : checkIntervals(intervals)) : null;
    if (issue) {
      setError(t(issue));
      return;
    }
    setError(null);
    put.mutate(
      { date, input: { intervals: body } },
      {
        onSuccess: () => {
          toast.success(t('schedule.exception_saved'));
          setDate('');
        },
        onError: (e) => setError(problemMessage(e, t)),
      },
    );
  };

  const sorted = [...exceptions].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div className="exceptions" data-testid="schedule-exceptions">
      {sorted.length === 0 ? (
        <p className="muted" data-testid="exceptions-empty">
          {t('schedule.no_exceptions')}
        </p>
      ) : (
        <ul className="exception-list">
          {sorted.map((e) => (
            <li key={e.date} className="exception" data-testid="exception">
              <span className="exception__date">{formatDay(e.date, lang)}</span>
              <span className="exception__hours">
                {e.intervals.length === 0
                  ? t('schedule.day_off')
                  : e.intervals.map((i) => `${i.start}–${i.end}`).join(', ')}
              </span>
              <Button
                variant="ghost"
                size="sm"
                loading={remove.isPending && remove.variables === e.date}
                aria-label={t('schedule.remove_exception', { date: formatDay(e.date, lang) })}
                onClick={() =>
                  remove.mutate(e.date, {
                    onSuccess: () => toast.success(t('schedule.exception_removed')),
                    onError: (err) => toast.error(problemMessage(err, t)),
                  })
                }
              >
                {t('schedule.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}

      <form className="form exception-form" noValidate onSubmit={onSubmit} data-testid="exception-form">
        <p className="inline-panel__title">{t('schedule.add_exception')}</p>
        {error && <Alert data-testid="exception-error">{error}</Alert>}
        <TextField
          label={t('schedule.date')}
          name="exception_date"
          type="date"
          min={today}
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
            setError(null);
          }}
        />
        <div className="segmented" role="radiogroup" aria-label={t('schedule.exception_kind')}>
          <label className="segmented__option">
            <input type="radio" name="exception_kind" checked={mode === 'off'} onChange={() => setMode('off')} />
            <span>{t('schedule.day_off')}</span>
          </label>
          <label className="segmented__option">
            <input type="radio" name="exception_kind" checked={mode === 'hours'} onChange={() => setMode('hours')} />
            <span>{t('schedule.special_hours')}</span>
          </label>
        </div>
        {mode === 'hours' && (
          <IntervalsEditor
            label={date ? formatDay(date, lang) : t('schedule.date')}
            intervals={intervals}
            onChange={setIntervals}
            testId="exception-intervals"
          />
        )}
        <div className="form__row-actions">
          <Button type="submit" size="sm" loading={put.isPending} data-testid="save-exception">
            {t('schedule.save_exception')}
          </Button>
        </div>
      </form>
    </div>
  );
}
