import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { masterKeys } from '@/features/masters/api/keys';
import { masterProfileSchema, type GeoLocation, type MasterProfile } from '@/types/api';

/** Public master page; `from` adds `distance_m`. */
export function getMaster(id: string, from: GeoLocation | null, signal?: AbortSignal): Promise<MasterProfile> {
  const query = from ? `?lat=${from.lat}&lon=${from.lon}` : '';
  return api.get(`/masters/${encodeURIComponent(id)}${query}`, { schema: masterProfileSchema, signal });
}

export function getMasterQueryOptions(id: string, from: GeoLocation | null) {
  return queryOptions({
    // The distance is decoration: one cache entry per master, whatever the origin.
    queryKey: masterKeys.detail(id),
    queryFn: ({ signal }) => getMaster(id, from, signal),
  });
}

export function useMaster(id: string, from: GeoLocation | null) {
  return useQuery(getMasterQueryOptions(id, from));
}
