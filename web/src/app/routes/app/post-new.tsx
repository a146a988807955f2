import { Link, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { PageSpinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toaster';
import { UserGate } from '@/app/routes/app/user-gate';
import { useMyServices } from '@/features/masters/api/get-my-services';
import { categoryOptionGroups } from '@/features/masters/utils/category-name';
import { PhotoUploadQueue } from '@/features/media/components/photo-upload-queue';
import { PostComposer } from '@/features/posts/components/post-composer';
import { useCategories } from '@/features/profile/api/get-categories';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/posts/styles/posts.css';

/**
 * A master's new post: the composer (posts) with the photo uploads (media, purpose "post"),
 * the catalogue (profile) and the master's own active services (masters).
 */
function MasterComposer() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const categories = useCategories();
  // No master profile yet (404) or no services: the post just has none to link.
  const services = useMyServices();
  if (categories.isPending || services.isPending) return <PageSpinner label={t('common.loading')} />;
  const active = (services.data?.items ?? []).filter((s) => s.active);
  return (
    <PostComposer
      categories={categoryOptionGroups(categories.data?.items ?? [], lang)}
      services={active}
      renderUploader={({ remaining, onUploaded, onPendingChange }) => (
        <PhotoUploadQueue
          purpose="post"
          remaining={remaining}
          label={t('posts.composer.add_photos')}
          allowPaste
          onUploaded={async (media) => onUploaded(media)}
          onPendingChange={onPendingChange}
        />
      )}
      onPublished={() => {
        toast.success(t('posts.published'));
        navigate('/');
      }}
    />
  );
}

export function PostNewRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('posts.new_title'));
  return (
    <UserGate>
      {(user) => (
        <section className="card" aria-labelledby="post-new-title">
          <h1 id="post-new-title" className="card__title" data-testid="page-title">
            {t('posts.new_title')}
          </h1>
          {user.role === 'master' ? (
            <MasterComposer />
          ) : (
            <Alert tone="info" title={t('posts.only_masters')} data-testid="post-new-forbidden">
              <Link to="/">{t('posts.back_to_feed')}</Link>
            </Alert>
          )}
        </section>
      )}
    </UserGate>
  );
}
