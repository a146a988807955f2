import { Link } from 'react-router';
import { BlockedUsers } from '@/features/social/components/blocked-users';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/social/styles/social.css';

/** /settings/blocked: the only place a blocked user can be found again (to unblock). */
export function BlockedUsersRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('social.blocks.title'));
  return (
    <section className="page" aria-labelledby="blocks-title">
      <div className="social-page__head">
        <h1 id="blocks-title" className="page__title" data-testid="page-title">
          {t('social.blocks.title')}
        </h1>
        <Link to="/profile" className="btn btn--ghost btn--sm">
          {t('social.list.back')}
        </Link>
      </div>
      <BlockedUsers />
    </section>
  );
}
