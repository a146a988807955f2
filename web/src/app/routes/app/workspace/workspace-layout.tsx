import { Link, NavLink, Outlet, useOutletContext } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toaster';
import { useMyMasterProfile } from '@/features/masters/api/get-my-master-profile';
import { MasterProfileForm } from '@/features/masters/components/master-profile-form';
import { useCategories } from '@/features/profile/api/get-categories';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import type { Category, MasterProfile } from '@/types/api';

export type WorkspaceContext = { profile: MasterProfile; categories: Category[] };

export function useWorkspace(): WorkspaceContext {
  return useOutletContext<WorkspaceContext>();
}

const TABS = [
  { to: '/workspace/bookings', key: 'workspace.tabs.bookings' },
  { to: '/workspace/services', key: 'workspace.tabs.services' },
  { to: '/workspace/schedule', key: 'workspace.tabs.schedule' },
  { to: '/workspace/portfolio', key: 'workspace.tabs.portfolio' },
  { to: '/workspace/profile', key: 'workspace.tabs.profile' },
] as const;

/** The master's workspace: needs the master role, and a master profile before anything else. */
export function WorkspaceLayout() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.workspace'));
  const me = useUser();
  const isMaster = me.data?.role === 'master';
  const profile = useMyMasterProfile({ enabled: isMaster });
  const categories = useCategories();

  if (me.isPending) return <PageSpinner label={t('common.loading')} />;
  if (!isMaster) {
    return <Alert tone="info" title={t('workspace.masters_only')} data-testid="workspace-forbidden" />;
  }
  if (profile.isPending) return <PageSpinner label={t('common.loading')} />;
  if (profile.isError) return <QueryErrorAlert query={profile} />;

  if (profile.data === null) {
    // First visit: the profile comes first, the rest of the workspace needs it.
    return (
      <section className="card" aria-labelledby="workspace-title">
        <h1 id="workspace-title" className="card__title" data-testid="page-title">
          {t('workspace.create_title')}
        </h1>
        <p className="muted">{t('workspace.create_hint')}</p>
        {categories.data ? (
          <MasterProfileForm
            profile={null}
            userName={me.data?.name ?? ''}
            categories={categories.data.items}
            onSaved={() => toast.success(t('workspace.profile.created'))}
          />
        ) : (
          <PageSpinner label={t('common.loading')} />
        )}
      </section>
    );
  }

  const context: WorkspaceContext = { profile: profile.data, categories: categories.data?.items ?? [] };
  return (
    <div className="page workspace">
      <div className="workspace__head">
        <h1 className="page__title" data-testid="page-title">
          {t('nav.workspace')}
        </h1>
        <Link to={`/masters/${profile.data.id}`} className="btn btn--ghost btn--sm" data-testid="my-public-page">
          {t('workspace.public_page')}
        </Link>
      </div>
      <nav className="tabs" aria-label={t('nav.workspace')}>
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} className="tabs__tab" data-testid={`workspace-tab-${tab.to.split('/')[2]}`}>
            {t(tab.key)}
          </NavLink>
        ))}
      </nav>
      <Outlet context={context} />
    </div>
  );
}
