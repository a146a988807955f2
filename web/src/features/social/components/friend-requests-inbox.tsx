import { useRef } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { ShowMoreButton } from '@/components/ui/show-more-button';
import { PageSpinner } from '@/components/ui/spinner';
import { Tabs, useTabParam } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toaster';
import { formatRelativeTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useAnswerFriendRequest } from '@/features/social/api/answer-friend-request';
import { useCancelFriendRequest } from '@/features/social/api/cancel-friend-request';
import { useFriendRequests } from '@/features/social/api/get-friend-requests';
import { RoleBadge } from '@/features/social/components/role-badge';
import { useLoadMoreOnSight } from '@/lib/use-load-more-on-sight';
import type { FriendRequest, RequestDirection } from '@/features/social/types/social';
import { uniqueById } from '@/features/social/utils/unique-by-id';
import '@/features/social/styles/social.css';

const DIRECTIONS = ['incoming', 'outgoing'] as const;

function RequestItem({ request, direction }: { request: FriendRequest; direction: RequestDirection }) {
  const { t, lang } = useI18n();
  const answer = useAnswerFriendRequest();
  const cancel = useCancelFriendRequest();
  const other = direction === 'incoming' ? request.from : request.to;
  const busy = answer.isPending || cancel.isPending;
  return (
    <li className="user-card tile" data-testid="friend-request" data-request-id={request.id}>
      <Link to={`/users/${encodeURIComponent(other.id)}`} className="user-card__who">
        <Avatar name={other.name} src={other.avatar_url} size="md" />
        <span className="user-card__text">
          <span className="user-card__name">{other.name}</span>
          <time className="muted user-card__time" dateTime={request.created_at}>
            {formatRelativeTime(request.created_at, lang, new Date())}
          </time>
        </span>
      </Link>
      <RoleBadge role={other.role} masterId={other.master_id} />
      <span className="user-card__action">
        {direction === 'incoming' ? (
          <>
            <Button
              size="sm"
              disabled={busy}
              data-testid="request-accept"
              onClick={() =>
                answer.mutate(
                  { requestId: request.id, otherId: other.id, accept: true },
                  { onSuccess: () => toast.success(t('social.friend.now_friends', { name: other.name })) },
                )
              }
            >
              {t('social.friend.accept')}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              disabled={busy}
              data-testid="request-decline"
              onClick={() => answer.mutate({ requestId: request.id, otherId: other.id, accept: false })}
            >
              {t('social.friend.decline')}
            </Button>
          </>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            disabled={busy}
            data-testid="request-cancel"
            onClick={() => cancel.mutate({ requestId: request.id, otherId: other.id })}
          >
            {t('social.requests.cancel')}
          </Button>
        )}
      </span>
    </li>
  );
}

function RequestList({ direction }: { direction: RequestDirection }) {
  const { t } = useI18n();
  const requests = useFriendRequests(direction);
  const sentinel = useRef<HTMLDivElement>(null);
  useLoadMoreOnSight(sentinel, requests);

  if (requests.isPending) return <PageSpinner label={t('common.loading')} />;
  if (requests.isError && !requests.data) return <QueryErrorAlert query={requests} data-testid="requests-error" />;
  const items = uniqueById(requests.data);
  if (items.length === 0) {
    return (
      <p className="empty muted" data-testid="requests-empty">
        {t(`social.requests.empty_${direction}`)}
      </p>
    );
  }
  return (
    <>
      <ul className="stack-list user-list" data-testid="requests-list">
        {items.map((r) => (
          <RequestItem key={r.id} request={r} direction={direction} />
        ))}
      </ul>
      <div ref={sentinel} className="list-sentinel" aria-hidden="true" />
      <ShowMoreButton query={requests} data-testid="requests-more" />
    </>
  );
}

/** Incoming and outgoing friend requests (the tab is kept in ?tab=); answers update the list at once. */
export function FriendRequestsInbox() {
  const { t } = useI18n();
  const [tab, setTab] = useTabParam(DIRECTIONS);
  return (
    <div className="page" data-testid="friend-requests">
      <Tabs
        tabs={DIRECTIONS}
        selected={tab}
        onSelect={setTab}
        label={(d) => t(`social.requests.${d}`)}
        aria-label={t('social.requests.tabs')}
      />
      <RequestList key={tab} direction={tab} />
    </div>
  );
}
