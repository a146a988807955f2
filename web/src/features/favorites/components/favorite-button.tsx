import { toast } from '@/components/ui/toaster';
import { useAddFavorite } from '@/features/favorites/api/add-favorite';
import { useRemoveFavorite } from '@/features/favorites/api/remove-favorite';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import '@/features/favorites/styles/favorites.css';

type Props = { masterId: string; masterName: string; isFavorite: boolean };

/** A heart toggle; shows the new state while the request is in flight. */
export function FavoriteButton({ masterId, masterName, isFavorite }: Props) {
  const { t } = useI18n();
  const add = useAddFavorite();
  const remove = useRemoveFavorite();
  const pending = add.isPending || remove.isPending;
  const shown = pending ? !isFavorite : isFavorite;

  const toggle = () => {
    if (pending) return;
    const onError = (error: unknown) => toast.error(problemMessage(error, t));
    if (isFavorite) remove.mutate(masterId, { onError });
    else add.mutate(masterId, { onError });
  };

  return (
    <button
      type="button"
      className={`heart${shown ? ' heart--on' : ''}`}
      aria-pressed={shown}
      aria-label={shown ? t('favorites.remove', { name: masterName }) : t('favorites.add', { name: masterName })}
      title={shown ? t('favorites.remove_short') : t('favorites.add_short')}
      data-testid="favorite-toggle"
      onClick={toggle}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path
          d="M12 21s-7.5-4.6-9.6-9.2C1 8.6 2.9 5 6.4 5c2.1 0 3.6 1.2 4.6 2.6C12 6.2 13.5 5 15.6 5 19.1 5 21 8.6 19.6 11.8 17.5 16.4 12 21 12 21z"
          fill={shown ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  );
}
