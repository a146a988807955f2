import { Link } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export function NotFoundRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('errors.not_found'));
  return (
    <AuthLayout title={t('errors.not_found')}>
      <Link to="/" className="btn btn--primary btn--block">
        {t('errors.go_home')}
      </Link>
    </AuthLayout>
  );
}
