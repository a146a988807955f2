import type { favoritesRu } from '@/features/favorites/locales/ru';

export const favoritesEn: Record<keyof typeof favoritesRu, string> = {
  'favorites.title': 'Favourites',
  'favorites.empty': 'Masters you mark with a heart will appear here.',
  'favorites.add': 'Add {name} to favourites',
  'favorites.remove': 'Remove {name} from favourites',
  'favorites.add_short': 'Add to favourites',
  'favorites.remove_short': 'Remove from favourites',
};
