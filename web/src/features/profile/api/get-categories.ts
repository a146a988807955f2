import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { categoryKeys } from '@/features/profile/api/keys';
import { categorySchema } from '@/types/api';

export const categoriesResponseSchema = z.object({ items: z.array(categorySchema) });
export type CategoriesResponse = z.infer<typeof categoriesResponseSchema>;

export function getCategories(signal?: AbortSignal): Promise<CategoriesResponse> {
  return api.get('/categories', { schema: categoriesResponseSchema, signal });
}

export function getCategoriesQueryOptions() {
  return queryOptions({
    queryKey: categoryKeys.all,
    queryFn: ({ signal }) => getCategories(signal),
    // The catalogue changes rarely (admins edit it).
    staleTime: 60 * 60 * 1000,
  });
}

export function useCategories() {
  return useQuery(getCategoriesQueryOptions());
}
