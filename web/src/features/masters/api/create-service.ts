import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { invalidateMasters } from '@/features/masters/api/keys';
import { serviceSchema, type Service } from '@/types/api';

export const MAX_PRICE_MINOR = 10_000_000;

export const createServiceInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(1000),
  category_id: z.string().min(1),
  price_minor: z.number().int().min(0).max(MAX_PRICE_MINOR),
  currency: z.literal('RUB'),
  duration_min: z.number().int().min(5).max(720),
});
export type CreateServiceInput = z.infer<typeof createServiceInputSchema>;

export function createService(input: CreateServiceInput): Promise<Service> {
  return api.post('/masters/me/services', createServiceInputSchema.parse(input), { schema: serviceSchema });
}

export function useCreateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createService,
    // The list and the public profile (active services) both change.
    onSuccess: () => invalidateMasters(queryClient),
  });
}
