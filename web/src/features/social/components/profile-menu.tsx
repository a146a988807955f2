import { useState } from 'react';
import { toast } from '@/components/ui/toaster';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useBlockUser } from '@/features/social/api/block-user';
import { useMuteUser } from '@/features/social/api/mute-user';
import { ConfirmDialog } from '@/features/social/components/confirm-dialog';
import { MenuButton } from '@/features/social/components/menu-button';
import type { Profile } from '@/features/social/types/social';

const DOTS = 'M6 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm6 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm6 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4z';

type Props = {
  profile: Profile;
  /** After a block: leave the profile (it is a 404 from now on). */
  onBlocked: () => void;
};

/** "…": hide their posts from my feed (they are not told), or block them after a question. */
export function ProfileMenu({ profile, onBlocked }: Props) {
  const { t } = useI18n();
  const mute = useMuteUser();
  const block = useBlockUser({ onBlocked });
  const [confirming, setConfirming] = useState(false);
  const { muted } = profile.relationship;
  const failed = (error: unknown) => toast.error(t('social.action_failed'), problemMessage(error, t));

  const toggleMute = () =>
    mute.mutate(
      { userId: profile.id, muted: !muted },
      {
        onSuccess: () => toast.info(muted ? t('social.unmuted', { name: profile.name }) : t('social.muted', { name: profile.name })),
        onError: failed,
      },
    );

  const confirmBlock = () =>
    block.mutate(profile.id, {
      onSuccess: () => toast.success(t('social.blocked', { name: profile.name })),
      onError: (error) => {
        setConfirming(false);
        failed(error);
      },
    });

  return (
    <>
      <MenuButton
        variant="ghost"
        aria-label={t('social.menu')}
        loading={mute.isPending}
        data-testid="profile-menu"
        items={[
          { label: muted ? t('social.unmute') : t('social.mute'), onSelect: toggleMute, testId: muted ? 'unmute' : 'mute' },
          { label: t('social.block'), onSelect: () => setConfirming(true), danger: true, testId: 'block' },
        ]}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d={DOTS} fill="currentColor" />
        </svg>
      </MenuButton>
      {confirming && (
        <ConfirmDialog
          title={t('social.block_title', { name: profile.name })}
          text={t('social.block_text')}
          confirmLabel={t('social.block')}
          cancelLabel={t('social.cancel')}
          loading={block.isPending}
          onConfirm={confirmBlock}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
