import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { slotKeys } from '@/features/bookings/api/keys';

export const slotSchema = z.object({
  start_at: z.string(),
  end_at: z.string(),
  /** Wall-clock start in the master's zone, "2025-03-30T10:00". */
  local_start: z.string(),
});
export type Slot = z.infer<typeof slotSchema>;

export const slotsResponseSchema = z.object({ timezone: z.string(), items: z.array(slotSchema) });
export type SlotsResponse = z.infer<typeof slotsResponseSchema>;

export type SlotsQuery = { masterId: string; serviceId: string; from: string; to: string };

/** Free slots for one service; `from`/`to` are dates in the master's zone, at most 31 days apart. */
export function getSlots({ masterId, serviceId, from, to }: SlotsQuery, signal?: AbortSignal): Promise<SlotsResponse> {
  const params = new URLSearchParams({ service_id: serviceId, from, to });
  return api.get(`/masters/${encodeURIComponent(masterId)}/slots?${params}`, { schema: slotsResponseSchema, signal });
}

export function getSlotsQueryOptions(query: SlotsQuery) {
  return queryOptions({
    queryKey: slotKeys.list(query),
    queryFn: ({ signal }) => getSlots(query, signal),
    // Slots go stale quickly: others are booking too.
    staleTime: 15_000,
  });
}

export function useSlots(query: SlotsQuery) {
  return useQuery({ ...getSlotsQueryOptions(query), placeholderData: keepPreviousData });
}
