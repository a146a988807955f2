import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { toast } from '@/components/ui/toaster';
import { useDeleteScheduleException } from '@/features/schedule/api/delete-schedule-exception';
import type { Interval, ScheduleException } from '@/features/schedule/api/get-schedule';
import { usePutScheduleException } from '@/features/schedule/api/put-schedule-exception';
import { IntervalsEditor } from '@/features/schedule/components/intervals-editor';
import { checkIntervals } from '@/features/schedule/utils/intervals';
import { dateInZone, formatDay } from '@/lib/format';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import '@/features/schedule/styles/schedule.css';

type ExceptionDraft = { date: string; mode: 'off' | 'hours'; intervals: Interval[] };

/** One message for the whole form (shown in its alert), checked in this order. */
function exceptionSchema(today: string) {
  return z
    .object({ date: z.string(), mode: z.enum(['off', 'hours']), intervals: z.array(z.custom<Interval>()) })
    .superRefine((draft, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['date'], message });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return fail('validation.date_required');
      if (draft.date < today) return fail('validation.date_past');
      if (draft.mode === 'off') return;
      const issue = draft.intervals.length === 0 ? 'validation.intervals_required' : checkIntervals(draft.intervals);
      if (issue) fail(issue);
    });
}

type Props = { exceptions: readonly ScheduleException[]; timeZone: string };

/** Days off and special hours on particular dates. */
export function ScheduleExceptions({ exceptions, timeZone }: Props) {
  const { t, lang } = useI18n();
  const put = usePutScheduleException();
  const remove = useDeleteScheduleException();
  const today = dateInZone(new Date(), timeZone);
  const form = useForm({
    schema: exceptionSchema(today),
    defaults: (): ExceptionDraft => ({ date: '', mode: 'off', intervals: [{ start: '10:00', end: '16:00' }] }),
    onSubmit: ({ date, mode, intervals }) =>
      put.mutateAsync({ date, input: { intervals: mode === 'off' ? [] : intervals } }).then(() => {
        toast.success(t('schedule.exception_saved'));
        form.setValue('date', '');
      }),
  });
  const { date, mode, intervals } = form.values;
  // One message for the whole form, in its alert.
  const error = form.fieldErrors.date ?? form.fieldErrors.intervals ?? form.formError;

  const sorted = [...exceptions].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div className="exceptions" data-testid="schedule-exceptions">
      {sorted.length === 0 ? (
        <p className="muted" data-testid="exceptions-empty">
          {t('schedule.no_exceptions')}
        </p>
      ) : (
        <ul className="exception-list stack-list">
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

      <form {...form.formProps} className="form exception-form" data-testid="exception-form">
        <p className="inline-panel__title">{t('schedule.add_exception')}</p>
        {error && <Alert data-testid="exception-error">{error}</Alert>}
        <TextField
          label={t('schedule.date')}
          name="exception_date"
          type="date"
          min={today}
          value={date}
          onChange={(e) => form.setValue('date', e.target.value)}
        />
        <div className="segmented" role="radiogroup" aria-label={t('schedule.exception_kind')}>
          <label className="segmented__option">
            <input type="radio" name="exception_kind" checked={mode === 'off'} onChange={() => form.setValue('mode', 'off')} />
            <span>{t('schedule.day_off')}</span>
          </label>
          <label className="segmented__option">
            <input type="radio" name="exception_kind" checked={mode === 'hours'} onChange={() => form.setValue('mode', 'hours')} />
            <span>{t('schedule.special_hours')}</span>
          </label>
        </div>
        {mode === 'hours' && (
          <IntervalsEditor
            label={date ? formatDay(date, lang) : t('schedule.date')}
            intervals={intervals}
            onChange={(next) => form.setValue('intervals', next)}
            testId="exception-intervals"
          />
        )}
        <div className="form__row-actions">
          <Button type="submit" size="sm" loading={form.submitting} data-testid="save-exception">
            {t('schedule.save_exception')}
          </Button>
        </div>
      </form>
    </div>
  );
}
