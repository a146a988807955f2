import type { QueryClient } from '@tanstack/react-query';
import type { Portfolio, PortfolioItem } from '@/features/portfolio/api/get-portfolio';

// The portfolio feature's query keys and cache functions (the only portfolio module other
// features may import; see README "Features").

export const portfolioKeys = {
  all: ['portfolio'] as const,
  master: (masterId: string) => ['portfolio', masterId] as const,
};

export function invalidatePortfolio(queryClient: QueryClient, masterId: string): void {
  void queryClient.invalidateQueries({ queryKey: portfolioKeys.master(masterId) });
}

/** Rewrites one master's cached portfolio (undefined when it is not cached). */
export function updatePortfolioCache(
  queryClient: QueryClient,
  masterId: string,
  update: (items: PortfolioItem[]) => PortfolioItem[],
): void {
  queryClient.setQueryData<Portfolio>(portfolioKeys.master(masterId), (data) => (data ? { ...data, items: update(data.items) } : data));
}
