import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isApiProblem } from '@/lib/api-client';

export const queryConfig = {
  queries: {
    refetchOnWindowFocus: false,
    staleTime: 30_000,
    // A 4xx will not get better by asking again; network blips and 5xx might.
    retry: (failureCount, error) => {
      if (isApiProblem(error) && error.status >= 400 && error.status < 500) return false;
      return failureCount < 2;
    },
  },
  mutations: { retry: false },
} satisfies DefaultOptions;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryConfig });
}
