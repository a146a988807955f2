import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { useI18n } from '@/lib/i18n';
import { FollowButton } from '@/features/social/components/follow-button';
import { FriendButton } from '@/features/social/components/friend-button';
import { ProfileMenu } from '@/features/social/components/profile-menu';
import { RoleBadge } from '@/features/social/components/role-badge';
import type { ConnectionKind, Profile } from '@/features/social/types/social';
import { formatCount } from '@/features/social/utils/format-count';
import '@/features/social/styles/social.css';

type Props = {
  profile: Profile;
  isMe: boolean;
  /** "Написать": app/ passes the chats feature's button. */
  message?: ReactNode;
  /** After blocking them. */
  onBlocked: () => void;
};

const LINKED: ConnectionKind[] = ['followers', 'following', 'friends'];

/** Who they are, their counts (the lists one tap away) and what I can do: follow, befriend, write, mute, block. */
export function ProfileHeader({ profile, isMe, message, onBlocked }: Props) {
  const { t, lang } = useI18n();
  const base = `/users/${encodeURIComponent(profile.id)}`;
  return (
    <header className="card profile-header" data-testid="profile-header">
      <div className="profile-header__top">
        <Avatar name={profile.name} src={profile.avatar_url} size="xl" />
        <div className="profile-header__who">
          <h1 className="profile-header__name" data-testid="profile-name">
            {profile.name}
          </h1>
          <div className="profile-header__meta">
            <RoleBadge role={profile.role} masterId={profile.master_id} />
            {profile.city && (
              <span className="muted" data-testid="profile-city">
                {profile.city}
              </span>
            )}
            {!isMe && profile.relationship.followed_by && (
              <span className="badge badge--muted" data-testid="follows-you">
                {t('social.follows_you')}
              </span>
            )}
          </div>
        </div>
      </div>

      <ul className="profile-counts" aria-label={t('social.counts_label')} data-testid="profile-counts">
        <li className="profile-counts__item" data-testid="count-posts">
          <span className="profile-counts__n">{formatCount(profile.counts.posts, lang)}</span>
          <span className="profile-counts__label">{t('social.count.posts')}</span>
        </li>
        {LINKED.map((kind) => (
          <li key={kind}>
            <Link to={`${base}/${kind}`} className="profile-counts__item profile-counts__item--link" data-testid={`count-${kind}`}>
              <span className="profile-counts__n">{formatCount(profile.counts[kind], lang)}</span>
              <span className="profile-counts__label">{t(`social.count.${kind}`)}</span>
            </Link>
          </li>
        ))}
      </ul>

      <div className="profile-actions">
        {isMe ? (
          <Link to="/profile/edit" className="btn btn--secondary btn--sm profile-actions__main" data-testid="edit-profile">
            {t('social.edit_profile')}
          </Link>
        ) : (
          <>
            <FollowButton userId={profile.id} following={profile.relationship.following} />
            <FriendButton profile={profile} />
            {message}
            <ProfileMenu profile={profile} onBlocked={onBlocked} />
          </>
        )}
      </div>
    </header>
  );
}
