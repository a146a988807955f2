import { Link } from 'react-router';
import { UserGate } from '@/app/routes/app/user-gate';
import { ProfileCard } from '@/features/profile/components/profile-card';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export function ProfileRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('profile.title'));
  return (
    <UserGate>
      {(user) => (
        <div className="page">
          <ProfileCard user={user} />
          <Link to="/settings/notifications" className="btn btn--secondary btn--block" data-testid="profile-notification-settings">
            {t('notifications.settings')}
          </Link>
        </div>
      )}
    </UserGate>
  );
}
