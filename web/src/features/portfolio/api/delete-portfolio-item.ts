import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidatePortfolio, updatePortfolioCache } from '@/features/portfolio/api/keys';
import { invalidateMasterSearches } from '@/features/masters/api/keys';
import { api } from '@/lib/api-client';

export function deletePortfolioItem(id: string): Promise<void> {
  return api.delete(`/masters/me/portfolio/${encodeURIComponent(id)}`);
}

export function useDeletePortfolioItem(masterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePortfolioItem,
    onSuccess: (_data, id) => {
      updatePortfolioCache(queryClient, masterId, (items) => items.filter((i) => i.id !== id));
      invalidatePortfolio(queryClient, masterId);
      invalidateMasterSearches(queryClient);
    },
  });
}
