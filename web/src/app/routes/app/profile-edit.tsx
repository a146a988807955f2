import { useNavigate } from 'react-router';
import { UserGate } from '@/app/routes/app/user-gate';
import { toast } from '@/components/ui/toaster';
import { ProfileForm } from '@/features/profile/components/profile-form';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export function ProfileEditRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useDocumentTitle(t('profile.edit_title'));
  return (
    <section className="card" aria-labelledby="edit-title">
      <h1 id="edit-title" className="card__title" data-testid="page-title">
        {t('profile.edit_title')}
      </h1>
      <UserGate>
        {(user) => (
          <ProfileForm
            user={user}
            onSaved={() => {
              toast.success(t('profile.saved'));
              navigate('/profile');
            }}
          />
        )}
      </UserGate>
    </section>
  );
}
