import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/i18n';
import { MenuButton } from '@/features/social/components/menu-button';
import { useFriendActions } from '@/features/social/hooks/use-friend-actions';
import type { Profile } from '@/features/social/types/social';

/** Our friendship as a button: add, the sent request (cancel), their request (accept / decline), friends (remove). */
export function FriendButton({ profile }: { profile: Profile }) {
  const { t } = useI18n();
  const actions = useFriendActions(profile);
  const state = profile.relationship.friend;

  if (state === 'incoming') {
    return (
      <div className="friend-answer" role="group" aria-label={t('social.friend.incoming')} data-testid="friend-incoming">
        <Button size="sm" loading={actions.pending} onClick={() => void actions.accept()} data-testid="friend-accept">
          {t('social.friend.accept')}
        </Button>
        <Button variant="ghost" size="sm" disabled={actions.pending} onClick={() => void actions.decline()} data-testid="friend-decline">
          {t('social.friend.decline')}
        </Button>
      </div>
    );
  }
  if (state === 'outgoing') {
    return (
      <MenuButton
        loading={actions.pending}
        data-testid="friend-outgoing"
        items={[{ label: t('social.friend.cancel'), onSelect: () => void actions.cancel(), testId: 'friend-cancel' }]}
      >
        {t('social.friend.outgoing')}
      </MenuButton>
    );
  }
  if (state === 'friends') {
    return (
      <MenuButton
        loading={actions.pending}
        data-testid="friend-friends"
        items={[{ label: t('social.friend.remove'), onSelect: actions.unfriend, danger: true, testId: 'friend-remove' }]}
      >
        {t('social.friend.friends')}
      </MenuButton>
    );
  }
  return (
    <Button variant="secondary" size="sm" loading={actions.pending} onClick={actions.add} data-testid="friend-add">
      {t('social.friend.add')}
    </Button>
  );
}
