import { ServicesEditor } from '@/features/masters/components/services-editor';
import { useWorkspace } from '@/app/routes/app/workspace/workspace-layout';
import { useI18n } from '@/lib/i18n';
import '@/features/masters/styles/masters.css';

export function WorkspaceServicesRoute() {
  const { t } = useI18n();
  const { profile, categories } = useWorkspace();
  return (
    <section className="card" aria-label={t('workspace.tabs.services')}>
      <ServicesEditor categories={categories} preferredCategoryIds={profile.categories.map((c) => c.id)} />
    </section>
  );
}
