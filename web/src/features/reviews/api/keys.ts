import type { QueryClient } from '@tanstack/react-query';

export const reviewKeys = {
  all: ['reviews'] as const,
  master: (masterId: string) => ['reviews', masterId] as const,
};

export function invalidateMasterReviews(queryClient: QueryClient, masterId: string): void {
  void queryClient.invalidateQueries({ queryKey: reviewKeys.master(masterId) });
}
