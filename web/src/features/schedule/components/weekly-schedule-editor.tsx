import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import type { WeeklyInterval } from '@/features/schedule/api/get-schedule';
import { useUpdateSchedule } from '@/features/schedule/api/update-schedule';
import { IntervalsEditor } from '@/features/schedule/components/intervals-editor';
import {
  checkIntervals,
  errorWeekday,
  weekFromSchedule,
  WEEKDAYS,
  weekToList,
  type WeekDraft,
  type Weekday,
} from '@/features/schedule/utils/intervals';
import { isApiProblem } from '@/lib/api-client';
import { formatDay } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import '@/features/schedule/styles/schedule.css';

// 2024-01-01 is a Monday: weekday n is 2024-01-0n.
const weekdayName = (weekday: Weekday, lang: 'ru' | 'en') =>
  formatDay(`2024-01-0${weekday}`, lang, { weekday: 'long', day: undefined, month: undefined });

type DayErrors = Partial<Record<Weekday, string>>;

export function WeeklyScheduleEditor({ weekly }: { weekly: readonly WeeklyInterval[] }) {
  const { t, lang } = useI18n();
  const update = useUpdateSchedule();
  const [week, setWeek] = useState<WeekDraft>(() => weekFromSchedule(weekly));
  const [dayErrors, setDayErrors] = useState<DayErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const setDay = (day: Weekday, intervals: WeekDraft[Weekday]) => {
    setWeek((w) => ({ ...w, [day]: intervals }));
    setDayErrors((e) => ({ ...e, [day]: undefined }));
  };

  const copyMondayToWeekdays = () => {
    setWeek((w) => ({ ...w, 2: [...w[1]], 3: [...w[1]], 4: [...w[1]], 5: [...w[1]] }));
    setDayErrors({});
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: DayErrors = {};
    for (const day of WEEKDAYS) {
      const issue = checkIntervals(week[day]);
      if (issue) errors[day] = t(issue);
    }
    setDayErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0) return;

    const list = weekToList(week);
    update.mutate(
      { weekly: list },
      {
        onSuccess: (schedule) => {
          setWeek(weekFromSchedule(schedule.weekly));
          toast.success(t('schedule.saved'));
        },
        onError: (error) => {
          // "weekly[3].end" → the day of the 4th interval we sent; "weekly(weekday 2)" → Tuesday.
          const mapped: DayErrors = {};
          const rest: string[] = [];
          for (const e of isApiProblem(error) ? error.errors : []) {
            const day = errorWeekday(e.field, list);
            if (day) mapped[day] ??= e.message;
            else rest.push(e.message);
          }
          setDayErrors(mapped);
          if (rest.length > 0 || Object.keys(mapped).length === 0) {
            setFormError(rest.length > 0 ? rest.join('; ') : problemMessage(error, t));
          }
        },
      },
    );
  };

  return (
    <form className="form weekly" noValidate onSubmit={onSubmit} data-testid="weekly-schedule">
      {formError && <Alert data-testid="form-error">{formError}</Alert>}
      <p className="field__hint">{t('schedule.weekly_hint')}</p>
      {WEEKDAYS.map((day) => {
        const name = weekdayName(day, lang);
        const off = week[day].length === 0;
        return (
          <fieldset key={day} className={`weekday${dayErrors[day] ? ' weekday--invalid' : ''}`} data-testid={`weekday-${day}`}>
            <legend className="weekday__name">
              {name}
              {off && <span className="badge badge--muted weekday__off">{t('schedule.day_off')}</span>}
            </legend>
            <IntervalsEditor
              label={name}
              intervals={week[day]}
              onChange={(next) => setDay(day, next)}
              testId={`weekday-${day}-intervals`}
            />
            {dayErrors[day] && (
              <p className="field__error" role="alert" data-testid={`weekday-${day}-error`}>
                {dayErrors[day]}
              </p>
            )}
          </fieldset>
        );
      })}
      <div className="form__actions">
        <Button variant="ghost" onClick={copyMondayToWeekdays} data-testid="copy-monday">
          {t('schedule.copy_monday')}
        </Button>
        <Button type="submit" loading={update.isPending} data-testid="save-schedule">
          {update.isPending ? t('profile.saving') : t('schedule.save')}
        </Button>
      </div>
    </form>
  );
}
