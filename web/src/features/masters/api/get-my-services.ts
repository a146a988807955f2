import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { masterKeys } from '@/features/masters/api/keys';
import { serviceSchema } from '@/types/api';

export const myServicesResponseSchema = z.object({ items: z.array(serviceSchema) });
export type MyServicesResponse = z.infer<typeof myServicesResponseSchema>;

/** All of the master's services, inactive ones included. */
export function getMyServices(signal?: AbortSignal): Promise<MyServicesResponse> {
  return api.get('/masters/me/services', { schema: myServicesResponseSchema, signal });
}

export function getMyServicesQueryOptions() {
  return queryOptions({ queryKey: masterKeys.myServices(), queryFn: ({ signal }) => getMyServices(signal) });
}

export function useMyServices() {
  return useQuery(getMyServicesQueryOptions());
}
