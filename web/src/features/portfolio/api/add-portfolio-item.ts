import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { portfolioItemSchema, type PortfolioItem } from '@/features/portfolio/api/get-portfolio';
import { invalidatePortfolio, updatePortfolioCache } from '@/features/portfolio/api/keys';
import { invalidateMasterSearches } from '@/features/masters/api/keys';
import { api } from '@/lib/api-client';

/** POST /masters/me/portfolio: a ready photo (purpose "portfolio") becomes the last item. */
export const addPortfolioItemInputSchema = z.object({
  media_id: z.string().min(1),
  caption: z.string().optional(),
  service_id: z.string().nullable().optional(),
});
export type AddPortfolioItemInput = z.infer<typeof addPortfolioItemInputSchema>;

export function addPortfolioItem(input: AddPortfolioItemInput): Promise<PortfolioItem> {
  return api.post('/masters/me/portfolio', addPortfolioItemInputSchema.parse(input), { schema: portfolioItemSchema });
}

export function useAddPortfolioItem(masterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addPortfolioItem,
    onSuccess: (item) => {
      updatePortfolioCache(queryClient, masterId, (items) => [...items.filter((i) => i.id !== item.id), item]);
      invalidatePortfolio(queryClient, masterId);
      // The first photo is the cover of the master's search card.
      invalidateMasterSearches(queryClient);
    },
  });
}
