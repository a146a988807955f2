import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { syncFavoriteFlag } from '@/features/favorites/utils/favorite-cache';

export function addFavorite(masterId: string): Promise<void> {
  return api.put(`/favorites/masters/${encodeURIComponent(masterId)}`);
}

export function useAddFavorite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addFavorite,
    onSuccess: (_, masterId) => syncFavoriteFlag(queryClient, masterId, true),
  });
}
