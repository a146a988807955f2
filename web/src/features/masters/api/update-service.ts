import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { invalidateMasters } from '@/features/masters/api/keys';
import { createServiceInputSchema } from '@/features/masters/api/create-service';
import { serviceSchema, type Service } from '@/types/api';

/** PATCH: any subset of the create fields; `active: true` brings a deactivated service back. */
export const updateServiceInputSchema = createServiceInputSchema.extend({ active: z.boolean() }).partial();
export type UpdateServiceInput = z.infer<typeof updateServiceInputSchema>;

export function updateService({ id, patch }: { id: string; patch: UpdateServiceInput }): Promise<Service> {
  return api.patch(`/masters/me/services/${encodeURIComponent(id)}`, updateServiceInputSchema.parse(patch), {
    schema: serviceSchema,
  });
}

export function useUpdateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateService,
    onSuccess: () => invalidateMasters(queryClient),
  });
}
