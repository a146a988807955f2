import { Avatar } from '@/components/ui/avatar';
import type { Actor } from '@/features/notifications/types/notification';
import '@/features/notifications/styles/notifications.css';

const BELL_DOT = 'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-14 0v5l-2 2v1h18v-1l-2-2z';

/** Up to three actors' photos, newest in front; initials when one has none. Decorative. */
export function ActorAvatars({ actors }: { actors: readonly Actor[] }) {
  const shown = actors.slice(0, 3);
  if (shown.length === 0) {
    return (
      <span className="actor-avatars actor-avatars--none" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="20" height="20">
          <path d={BELL_DOT} fill="currentColor" />
        </svg>
      </span>
    );
  }
  return (
    <span className={`actor-avatars actor-avatars--${shown.length}`} data-testid="actor-avatars" aria-hidden="true">
      {shown.map((actor) => (
        <span key={actor.id} className="actor-avatars__item">
          <Avatar name={actor.name} src={actor.avatar_url} size="md" />
        </span>
      ))}
    </span>
  );
}
