import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toaster';
import { localeOf } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useUnblockUser } from '@/features/social/api/block-user';
import { useBlocks } from '@/features/social/api/get-blocks';
import type { BlockedUser } from '@/features/social/types/social';
import '@/features/social/styles/social.css';

function BlockedItem({ item }: { item: BlockedUser }) {
  const { t, lang } = useI18n();
  const unblock = useUnblockUser();
  return (
    <li className="user-card tile" data-testid="blocked-user">
      <span className="user-card__who">
        <Avatar name={item.display_name} src={item.avatar_url ?? null} size="md" />
        <span className="user-card__text">
          <span className="user-card__name">{item.display_name}</span>
          <span className="muted user-card__time">{t('social.blocks.since', { date: new Date(item.created_at).toLocaleDateString(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric' }) })}</span>
        </span>
      </span>
      <span className="user-card__action">
        <Button
          variant="secondary"
          size="sm"
          loading={unblock.isPending}
          data-testid="unblock"
          onClick={() =>
            unblock.mutate(item.user_id, {
              onSuccess: () => toast.success(t('social.blocks.unblocked', { name: item.display_name })),
              onError: (error) => toast.error(t('social.action_failed'), problemMessage(error, t)),
            })
          }
        >
          {t('social.blocks.unblock')}
        </Button>
      </span>
    </li>
  );
}

/** Whom I blocked (they cannot be found anywhere else), with "unblock". */
export function BlockedUsers() {
  const { t } = useI18n();
  const blocks = useBlocks();
  if (blocks.isPending) return <PageSpinner label={t('common.loading')} />;
  if (blocks.isError) return <QueryErrorAlert query={blocks} data-testid="blocks-error" />;
  if (blocks.data.items.length === 0) {
    return (
      <p className="empty muted" data-testid="blocks-empty">
        {t('social.blocks.empty')}
      </p>
    );
  }
  return (
    <ul className="stack-list user-list" data-testid="blocked-users">
      {blocks.data.items.map((item) => (
        <BlockedItem key={item.user_id} item={item} />
      ))}
    </ul>
  );
}
