import { FriendRequestsInbox } from '@/features/social/components/friend-requests-inbox';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

/** /friends/requests: who asked me, and whom I asked. */
export function FriendRequestsRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('social.requests.title'));
  return (
    <section className="page" aria-labelledby="requests-title">
      <h1 id="requests-title" className="page__title" data-testid="page-title">
        {t('social.requests.title')}
      </h1>
      <FriendRequestsInbox />
    </section>
  );
}
