import type { ReactNode } from 'react';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { ShowMoreButton } from '@/components/ui/show-more-button';
import { PageSpinner } from '@/components/ui/spinner';
import { useBookings, type BookingsQuery } from '@/features/bookings/api/get-bookings';
import { useI18n } from '@/lib/i18n';
import type { Booking } from '@/types/api';
import '@/features/bookings/styles/bookings.css';

type Props = {
  query: BookingsQuery;
  empty: ReactNode;
  /** Newest first (the API sorts by start time ascending). */
  reverse?: boolean;
  renderItem: (booking: Booking) => ReactNode;
};

/** A cursor-paginated list of bookings with "show more". */
export function BookingsList({ query, empty, reverse = false, renderItem }: Props) {
  const { t } = useI18n();
  const bookings = useBookings(query);

  if (bookings.isPending) return <PageSpinner label={t('common.loading')} />;
  if (bookings.isError) return <QueryErrorAlert query={bookings} data-testid="bookings-error" />;
  const items = bookings.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <div data-testid="bookings-empty">{empty}</div>;
  const shown = reverse ? [...items].reverse() : items;
  return (
    <>
      <ul className="booking-list stack-list" data-testid="bookings-list">
        {shown.map((b) => (
          <li key={b.id}>{renderItem(b)}</li>
        ))}
      </ul>
      <ShowMoreButton query={bookings} data-testid="bookings-more" />
    </>
  );
}
