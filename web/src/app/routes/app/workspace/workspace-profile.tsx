import { toast } from '@/components/ui/toaster';
import { MasterProfileForm } from '@/features/masters/components/master-profile-form';
import { useWorkspace } from '@/app/routes/app/workspace/workspace-layout';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';

export function WorkspaceProfileRoute() {
  const { t } = useI18n();
  const { profile, categories } = useWorkspace();
  const me = useUser();
  return (
    <section className="card" aria-label={t('workspace.tabs.profile')}>
      <MasterProfileForm
        // Re-seed the form when the saved profile changes underneath.
        key={profile.id}
        profile={profile}
        userName={me.data?.name ?? ''}
        categories={categories}
        onSaved={() => toast.success(t('workspace.profile.saved'))}
      />
    </section>
  );
}
