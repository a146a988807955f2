import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { syncFavoriteFlag } from '@/features/favorites/utils/favorite-cache';

export function removeFavorite(masterId: string): Promise<void> {
  return api.delete(`/favorites/masters/${encodeURIComponent(masterId)}`);
}

export function useRemoveFavorite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeFavorite,
    onSuccess: (_, masterId) => syncFavoriteFlag(queryClient, masterId, false),
  });
}
