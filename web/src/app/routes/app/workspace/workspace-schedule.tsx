import { QueryErrorAlert } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { useSchedule } from '@/features/schedule/api/get-schedule';
import { ScheduleExceptions } from '@/features/schedule/components/schedule-exceptions';
import { WeeklyScheduleEditor } from '@/features/schedule/components/weekly-schedule-editor';
import { useI18n } from '@/lib/i18n';

export function WorkspaceScheduleRoute() {
  const { t } = useI18n();
  const schedule = useSchedule();

  if (schedule.isPending) return <PageSpinner label={t('common.loading')} />;
  if (schedule.isError) return <QueryErrorAlert query={schedule} />;
  return (
    <>
      <section className="card" aria-labelledby="weekly-title">
        <h2 id="weekly-title" className="card__subtitle">
          {t('schedule.weekly_title')}
        </h2>
        <p className="muted" data-testid="schedule-timezone">
          {t('schedule.timezone', { zone: schedule.data.timezone })}
        </p>
        <WeeklyScheduleEditor weekly={schedule.data.weekly} />
      </section>
      <section className="card" aria-labelledby="exceptions-title">
        <h2 id="exceptions-title" className="card__subtitle">
          {t('schedule.exceptions_title')}
        </h2>
        <ScheduleExceptions exceptions={schedule.data.exceptions} timeZone={schedule.data.timezone} />
      </section>
    </>
  );
}
