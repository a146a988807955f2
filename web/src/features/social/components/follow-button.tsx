import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/i18n';
import { useFollowUser } from '@/features/social/api/follow-user';

type Props = { userId: string; following: boolean; small?: boolean };

/** Подписаться / Отписаться: the new state shows at once and goes back if the server refuses. */
export function FollowButton({ userId, following, small = false }: Props) {
  const { t } = useI18n();
  const follow = useFollowUser();
  return (
    <Button
      variant={following ? 'secondary' : 'primary'}
      size="sm"
      className={small ? undefined : 'profile-actions__main'}
      aria-pressed={following}
      data-testid="follow-button"
      // A second tap while the first is on its way would race it.
      disabled={follow.isPending}
      onClick={() => follow.mutate({ userId, follow: !following, wasFollowing: following })}
    >
      {following ? t('social.unfollow') : t('social.follow')}
    </Button>
  );
}
