import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { portfolioItemSchema, type Portfolio, type PortfolioItem } from '@/features/portfolio/api/get-portfolio';
import { invalidatePortfolio, portfolioKeys, updatePortfolioCache } from '@/features/portfolio/api/keys';
import { invalidateMasterSearches } from '@/features/masters/api/keys';
import { api } from '@/lib/api-client';

/** PATCH /masters/me/portfolio/{item_id}: a new caption, or a new place in the order. */
export const updatePortfolioItemInputSchema = z
  .object({
    caption: z.string().trim(),
    position: z.number().int().nonnegative(),
  })
  .partial();
export type UpdatePortfolioItemInput = z.infer<typeof updatePortfolioItemInputSchema>;

export function updatePortfolioItem({ id, patch }: { id: string; patch: UpdatePortfolioItemInput }): Promise<PortfolioItem> {
  return api.patch(`/masters/me/portfolio/${encodeURIComponent(id)}`, updatePortfolioItemInputSchema.parse(patch), {
    schema: portfolioItemSchema,
  });
}

export function useUpdatePortfolioItem(masterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePortfolioItem,
    onSuccess: (item) => updatePortfolioCache(queryClient, masterId, (items) => items.map((i) => (i.id === item.id ? item : i))),
  });
}

/**
 * Moves an item to another place (`to`: its new index), at once on screen, then on the
 * server: PATCH with the position of the item whose place it takes. The list is refetched
 * afterwards (positions of the others change too) and put back if the server refuses.
 */
export function useMovePortfolioItem(masterId: string) {
  const queryClient = useQueryClient();
  const key = portfolioKeys.master(masterId);
  return useMutation({
    mutationFn: ({ item, position }: { item: PortfolioItem; position: number; to: number }) =>
      updatePortfolioItem({ id: item.id, patch: { position } }),
    onMutate: async ({ item, to }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Portfolio>(key);
      updatePortfolioCache(queryClient, masterId, (items) => {
        const rest = items.filter((i) => i.id !== item.id);
        return [...rest.slice(0, to), item, ...rest.slice(to)];
      });
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: (_data, _error, { to }) => {
      invalidatePortfolio(queryClient, masterId);
      if (to === 0) invalidateMasterSearches(queryClient);
    },
  });
}
