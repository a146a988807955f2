import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { bookingKeys } from '@/features/bookings/api/keys';
import { bookingSchema, type Booking } from '@/types/api';

export function getBooking(id: string, signal?: AbortSignal): Promise<Booking> {
  return api.get(`/bookings/${encodeURIComponent(id)}`, { schema: bookingSchema, signal });
}

export function getBookingQueryOptions(id: string) {
  return queryOptions({ queryKey: bookingKeys.detail(id), queryFn: ({ signal }) => getBooking(id, signal) });
}

export function useBooking(id: string) {
  return useQuery(getBookingQueryOptions(id));
}
