import type { QueryClient } from '@tanstack/react-query';
import { favoriteKeys } from '@/features/favorites/api/keys';
import { patchMaster, patchMasterInLists } from '@/features/masters/api/keys';

/**
 * The heart is shown on search results, on the master's page and in the favourites list:
 * flip it everywhere at once, then let the favourites list refetch.
 */
export function syncFavoriteFlag(queryClient: QueryClient, masterId: string, isFavorite: boolean): void {
  patchMaster(queryClient, masterId, { is_favorite: isFavorite });
  // Keep an un-hearted master visible until the list is reloaded, so an accidental tap can be undone.
  patchMasterInLists(queryClient, favoriteKeys.all, masterId, { is_favorite: isFavorite });
  void queryClient.invalidateQueries({ queryKey: favoriteKeys.all, refetchType: 'none' });
}
