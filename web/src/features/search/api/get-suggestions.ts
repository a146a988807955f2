import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { searchKeys } from '@/features/search/api/keys';
import { api } from '@/lib/api-client';

export const suggestionSchema = z.object({
  kind: z.enum(['category', 'service', 'master', 'query']),
  text: z.string(),
  /** Set for categories and masters. */
  id: z.string().optional(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestionsResponseSchema = z.object({ items: z.array(suggestionSchema) });
export type SuggestionsResponse = z.infer<typeof suggestionsResponseSchema>;

/** GET /search/suggest?q=: at most 8 categories, services, masters and words for what was typed. */
export function getSuggestions(q: string, signal?: AbortSignal): Promise<SuggestionsResponse> {
  return api.get(`/search/suggest?${new URLSearchParams({ q })}`, { schema: suggestionsResponseSchema, signal });
}

export function getSuggestionsQueryOptions(q: string) {
  return queryOptions({
    queryKey: searchKeys.suggestions(q),
    queryFn: ({ signal }) => getSuggestions(q, signal),
    staleTime: 60_000,
  });
}

/** Suggestions for `q` (already debounced); the last list stays while the next one loads. */
export function useSuggestions(q: string) {
  return useQuery({ ...getSuggestionsQueryOptions(q), enabled: q.trim() !== '', placeholderData: keepPreviousData });
}
