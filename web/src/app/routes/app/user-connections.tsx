import { Link, useNavigate, useParams } from 'react-router';
import { useUserIdParam } from '@/app/routes/app/user-id';
import { UserNotFound } from '@/app/routes/app/user-not-found';
import { Tabs } from '@/components/ui/tabs';
import { useProfile } from '@/features/social/api/get-profile';
import { UserList } from '@/features/social/components/user-list';
import { CONNECTION_KINDS, type ConnectionKind } from '@/features/social/types/social';
import { isApiProblem } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/social/styles/social.css';

function isKind(value: string | undefined): value is ConnectionKind {
  return (CONNECTION_KINDS as readonly string[]).includes(value ?? '');
}

/** /users/:id/followers, /following and /friends: the people, one tab each. */
export function UserConnectionsRoute() {
  const { t } = useI18n();
  const { kind } = useParams();
  const id = useUserIdParam();
  const navigate = useNavigate();
  const profile = useProfile(id);
  const name = profile.data?.name;
  const title = isKind(kind) ? t(`social.list.${kind}`) : t('social.not_found');
  useDocumentTitle(name ? `${title} · ${name}` : title);

  if (!isKind(kind) || (isApiProblem(profile.error) && profile.error.status === 404)) return <UserNotFound />;

  return (
    <section className="page" aria-labelledby="connections-title">
      <div className="social-page__head">
        <h1 id="connections-title" className="page__title" data-testid="page-title">
          {name ?? title}
        </h1>
        <Link to={`/users/${encodeURIComponent(id)}`} className="btn btn--ghost btn--sm" data-testid="back-to-profile">
          {t('social.list.back')}
        </Link>
      </div>
      <Tabs
        tabs={CONNECTION_KINDS}
        selected={kind}
        onSelect={(next) => navigate(`/users/${encodeURIComponent(id)}/${next}`, { replace: true })}
        label={(k) => (profile.data ? `${t(`social.list.${k}`)} · ${profile.data.counts[k]}` : t(`social.list.${k}`))}
        aria-label={t('social.list.label')}
      />
      {id && <UserList key={`${kind}:${id}`} kind={kind} userId={id} />}
    </section>
  );
}
