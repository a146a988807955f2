import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { bookingKeys } from '@/features/bookings/api/keys';
import { bookingsPageSchema, type BookingStatus, type BookingsPage } from '@/types/api';

export type BookingsQuery = {
  as: 'client' | 'master';
  status?: BookingStatus;
  /** RFC 3339 instant or a date. */
  from?: string;
  to?: string;
};

export const BOOKINGS_PAGE_SIZE = 20;

export function getBookings(query: BookingsQuery, cursor: string | null, signal?: AbortSignal): Promise<BookingsPage> {
  const params = new URLSearchParams({ as: query.as, limit: String(BOOKINGS_PAGE_SIZE) });
  if (query.status) params.set('status', query.status);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (cursor) params.set('cursor', cursor);
  return api.get(`/bookings?${params}`, { schema: bookingsPageSchema, signal });
}

export function getBookingsQueryOptions(query: BookingsQuery) {
  return infiniteQueryOptions({
    queryKey: bookingKeys.list(query),
    queryFn: ({ pageParam, signal }) => getBookings(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useBookings(query: BookingsQuery) {
  return useInfiniteQuery(getBookingsQueryOptions(query));
}
