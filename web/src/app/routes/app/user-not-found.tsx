import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

/** A profile that does not exist, or that a block hides (either way round). */
export function UserNotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('social.not_found'));
  return (
    <section className="card page" data-testid="user-not-found" aria-labelledby="user-not-found-title">
      <h1 id="user-not-found-title" className="page__title">
        {t('social.not_found')}
      </h1>
      <p className="muted">{t('social.not_found_text')}</p>
      <Link to="/" className="btn btn--secondary btn--sm">
        {t('errors.go_home')}
      </Link>
    </section>
  );
}
