import { Link } from 'react-router';
import { UserGate } from '@/app/routes/app/user-gate';
import { ProfileCard } from '@/features/profile/components/profile-card';
import { useIncomingRequestsCount } from '@/features/social/api/get-friend-requests';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/social/styles/social.css';

function FriendRequestsLink() {
  const { t } = useI18n();
  const incoming = useIncomingRequestsCount();
  return (
    <Link to="/friends/requests" className="btn btn--secondary btn--block" data-testid="profile-friend-requests">
      {t('social.requests.title')}
      {incoming > 0 && (
        <span className="unread-badge" data-testid="profile-friend-requests-count">
          {incoming > 99 ? '99+' : incoming}
        </span>
      )}
    </Link>
  );
}

export function ProfileRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('profile.title'));
  return (
    <UserGate>
      {(user) => (
        <div className="page">
          <ProfileCard user={user} />
          <div className="profile-links">
            <Link to={`/users/${encodeURIComponent(user.id)}`} className="btn btn--secondary btn--block" data-testid="profile-my-page">
              {t('social.my_page')}
            </Link>
            <FriendRequestsLink />
            <Link to="/settings/blocked" className="btn btn--ghost btn--block" data-testid="profile-blocked">
              {t('social.blocks.title')}
            </Link>
          </div>
          <Link to="/settings/notifications" className="btn btn--secondary btn--block" data-testid="profile-notification-settings">
            {t('notifications.settings')}
          </Link>
        </div>
      )}
    </UserGate>
  );
}
