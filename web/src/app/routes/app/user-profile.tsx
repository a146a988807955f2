import { Link, useLocation, useNavigate } from 'react-router';
import { useUserIdParam } from '@/app/routes/app/user-id';
import { UserNotFound } from '@/app/routes/app/user-not-found';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { StartChatButton } from '@/features/chats/components/start-chat-button';
import { UserPostsGrid } from '@/features/posts/components/user-posts-grid';
import { useProfile } from '@/features/social/api/get-profile';
import { useIncomingRequestsCount } from '@/features/social/api/get-friend-requests';
import { ProfileHeader } from '@/features/social/components/profile-header';
import { isApiProblem } from '@/lib/api-client';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/social/styles/social.css';

/** My own page: the way to the friend requests, with how many wait. */
function OwnLinks() {
  const { t } = useI18n();
  const incoming = useIncomingRequestsCount();
  return (
    <Link to="/friends/requests" className="btn btn--ghost btn--sm" data-testid="friend-requests-link">
      {t('social.requests.title')}
      {incoming > 0 && (
        <span className="unread-badge nav-link-count" data-testid="friend-requests-count">
          {incoming > 99 ? '99+' : incoming}
        </span>
      )}
    </Link>
  );
}

/** /users/:id: anyone's profile (mine too, as others see it) and their posts. */
export function UserProfileRoute() {
  const { t } = useI18n();
  const id = useUserIdParam();
  const me = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const profile = useProfile(id);
  useDocumentTitle(profile.data?.name ?? t('social.profile'));

  if (profile.isError) {
    if (isApiProblem(profile.error) && profile.error.status === 404) return <UserNotFound />;
    return <QueryErrorAlert query={profile} data-testid="profile-error" />;
  }
  if (!profile.data) return <PageSpinner label={t('common.loading')} />;

  const p = profile.data;
  const isMe = me.data?.id === p.id;
  // Back where they came from; a page opened directly goes home. Either way their page is gone.
  const leave = () => (location.key !== 'default' ? navigate(-1) : navigate('/', { replace: true }));

  return (
    <div className="page user-profile">
      <ProfileHeader profile={p} isMe={isMe} message={<StartChatButton userId={p.id} />} onBlocked={leave} />
      {isMe && <OwnLinks />}
      <UserPostsGrid userId={p.id} />
    </div>
  );
}
