import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { categoryKeys } from '@/features/profile/api/keys';

export const categorySchema = z.object({
  id: z.string(),
  parent_id: z.string().nullable(),
  slug: z.string(),
  name_ru: z.string(),
  name_en: z.string(),
});
export type Category = z.infer<typeof categorySchema>;

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
