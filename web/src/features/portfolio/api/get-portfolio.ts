import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { portfolioKeys } from '@/features/portfolio/api/keys';
import { api, isApiProblem } from '@/lib/api-client';
import { mediaSchema } from '@/types/api';

// Coming on the server: GET /masters/{id}/portfolio and /masters/me/portfolio[/{item_id}].

/** At most this many photos in a portfolio (the server answers 422 beyond). */
export const MAX_PORTFOLIO_ITEMS = 100;

export const portfolioItemSchema = z.object({
  id: z.string(),
  media: mediaSchema,
  caption: z.string(),
  service_id: z.string().nullable(),
  position: z.number(),
  created_at: z.string(),
});
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;

export const portfolioSchema = z.object({ items: z.array(portfolioItemSchema) });
export type Portfolio = z.infer<typeof portfolioSchema>;

/** A master's photos, in their order (by position). */
export async function getPortfolio(masterId: string, signal?: AbortSignal): Promise<Portfolio> {
  try {
    const portfolio = await api.get(`/masters/${encodeURIComponent(masterId)}/portfolio`, { schema: portfolioSchema, signal });
    return { items: [...portfolio.items].sort((a, b) => a.position - b.position) };
  } catch (error) {
    // A server without portfolios yet answers 404: the page shows none rather than an error.
    if (isApiProblem(error) && error.status === 404) return { items: [] };
    throw error;
  }
}

export function getPortfolioQueryOptions(masterId: string) {
  return queryOptions({
    queryKey: portfolioKeys.master(masterId),
    queryFn: ({ signal }) => getPortfolio(masterId, signal),
  });
}

export function usePortfolio(masterId: string) {
  return useQuery(getPortfolioQueryOptions(masterId));
}
