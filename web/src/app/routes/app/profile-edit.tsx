import { useNavigate } from 'react-router';
import { UserGate } from '@/app/routes/app/user-gate';
import { toast } from '@/components/ui/toaster';
import { AvatarUploader } from '@/features/media/components/avatar-uploader';
import { useUpdateAvatar } from '@/features/profile/api/update-avatar';
import { ProfileForm } from '@/features/profile/components/profile-form';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import type { User } from '@/types/api';
import '@/features/profile/styles/profile.css';

/** The profile photo: uploaded (media) and then set on the user (profile). */
function AvatarSection({ user }: { user: User }) {
  const { t } = useI18n();
  const update = useUpdateAvatar();
  return (
    <section className="profile-avatar" aria-labelledby="avatar-title">
      <h2 id="avatar-title" className="section-title">
        {t('profile.photo')}
      </h2>
      <AvatarUploader
        name={user.name}
        src={user.avatar_url}
        onUploaded={async (media) => {
          await update.mutateAsync(media.id);
          toast.success(t('profile.photo_saved'));
        }}
        onRemove={async () => {
          await update.mutateAsync(null);
          toast.success(t('profile.photo_removed'));
        }}
      />
    </section>
  );
}

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
          <>
            <AvatarSection user={user} />
            <ProfileForm
              user={user}
              onSaved={() => {
                toast.success(t('profile.saved'));
                navigate('/profile');
              }}
            />
          </>
        )}
      </UserGate>
    </section>
  );
}
