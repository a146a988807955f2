import { useRef } from 'react';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { ShowMoreButton } from '@/components/ui/show-more-button';
import { PageSpinner } from '@/components/ui/spinner';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useConnections } from '@/features/social/api/get-connections';
import { UserCard } from '@/features/social/components/user-card';
import { useLoadMoreOnSight } from '@/lib/use-load-more-on-sight';
import type { ConnectionKind } from '@/features/social/types/social';
import { uniqueById } from '@/features/social/utils/unique-by-id';
import '@/features/social/styles/social.css';

/** Someone's followers, following or friends, loading more as the end comes into sight; each person once. */
export function UserList({ kind, userId }: { kind: ConnectionKind; userId: string }) {
  const { t } = useI18n();
  const meId = useUser().data?.id;
  const list = useConnections(kind, userId);
  const sentinel = useRef<HTMLDivElement>(null);
  useLoadMoreOnSight(sentinel, list);

  if (list.isPending) return <PageSpinner label={t('common.loading')} />;
  if (list.isError && !list.data) return <QueryErrorAlert query={list} data-testid="user-list-error" />;
  const cards = uniqueById(list.data);
  if (cards.length === 0) {
    return (
      <p className="empty muted" data-testid="user-list-empty">
        {t(`social.list.empty_${kind}`)}
      </p>
    );
  }
  return (
    <>
      <ul className="stack-list user-list" aria-label={t(`social.list.${kind}`)} data-testid="user-list">
        {cards.map((card) => (
          <UserCard key={card.id} card={card} meId={meId} />
        ))}
      </ul>
      <div ref={sentinel} className="list-sentinel" aria-hidden="true" />
      {list.isFetchNextPageError ? (
        <QueryErrorAlert query={{ error: list.error, refetch: () => list.fetchNextPage() }} />
      ) : (
        <ShowMoreButton query={list} data-testid="user-list-more" />
      )}
      {!list.hasNextPage && cards.length > 10 && <p className="muted list-end">{t('social.list.end')}</p>}
    </>
  );
}
