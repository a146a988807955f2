import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { useProfile } from '@/features/social/api/get-profile';
import { FollowButton } from '@/features/social/components/follow-button';
import { RoleBadge } from '@/features/social/components/role-badge';
import type { UserCard as Card } from '@/features/social/types/social';
import '@/features/social/styles/social.css';

/**
 * The follow button of a card. A card from the server may say whether I follow them; when
 * it does not, their profile (cached, shared with their page) does.
 */
function CardFollow({ card }: { card: Card }) {
  const profile = useProfile(card.id, { enabled: card.following === undefined });
  const following = card.following ?? profile.data?.relationship.following;
  if (following === undefined) return null;
  return <FollowButton userId={card.id} following={following} small />;
}

/** A person in a list: photo and name (to their profile), role, and a follow button for others. */
export function UserCard({ card, meId }: { card: Card; meId: string | undefined }) {
  return (
    <li className="user-card tile" data-testid="user-card" data-user-id={card.id}>
      <Link to={`/users/${encodeURIComponent(card.id)}`} className="user-card__who">
        <Avatar name={card.name} src={card.avatar_url} size="md" />
        <span className="user-card__name">{card.name}</span>
      </Link>
      <RoleBadge role={card.role} masterId={card.master_id} />
      <span className="user-card__action">{meId && card.id !== meId && <CardFollow card={card} />}</span>
    </li>
  );
}
