import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { MasterProfile, MastersPage } from '@/types/api';

/**
 * The heart is shown on search results, on the master's page and in the favourites list:
 * flip it everywhere at once, then let the favourites list refetch.
 */
export function syncFavoriteFlag(queryClient: QueryClient, masterId: string, isFavorite: boolean): void {
  queryClient.setQueryData<MasterProfile>(['masters', 'detail', masterId], (m) => (m ? { ...m, is_favorite: isFavorite } : m));
  queryClient.setQueriesData<InfiniteData<MastersPage>>({ queryKey: ['masters', 'search'] }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            items: p.items.map((m) => (m.id === masterId ? { ...m, is_favorite: isFavorite } : m)),
          })),
        }
      : data,
  );
  // Keep an un-hearted master visible until the list is reloaded, so an accidental tap can be undone.
  queryClient.setQueriesData<InfiniteData<MastersPage>>({ queryKey: ['favorites'] }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            items: p.items.map((m) => (m.id === masterId ? { ...m, is_favorite: isFavorite } : m)),
          })),
        }
      : data,
  );
  void queryClient.invalidateQueries({ queryKey: ['favorites'], refetchType: 'none' });
}
