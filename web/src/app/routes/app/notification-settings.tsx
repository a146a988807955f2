import { Link } from 'react-router';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { usePreferences } from '@/features/notifications/api/get-preferences';
import { PreferencesForm } from '@/features/notifications/components/preferences-form';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/notifications/styles/notifications.css';

/** /settings/notifications: what to send where, quiet hours, time zone, grouping. */
export function NotificationSettingsRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('notifications.prefs.title'));
  const preferences = usePreferences();

  return (
    <section className="page" aria-labelledby="prefs-title">
      <div className="notifications__head">
        <h1 id="prefs-title" className="page__title" data-testid="page-title">
          {t('notifications.prefs.title')}
        </h1>
        <Link to="/notifications" className="btn btn--ghost btn--sm">
          {t('notifications.prefs.back')}
        </Link>
      </div>
      <div className="card">
        {preferences.isPending ? (
          <PageSpinner label={t('common.loading')} />
        ) : preferences.isError ? (
          <QueryErrorAlert query={preferences} data-testid="preferences-error" />
        ) : (
          <PreferencesForm preferences={preferences.data} />
        )}
      </div>
    </section>
  );
}
