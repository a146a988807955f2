import { Tabs, useTabParam } from '@/components/ui/tabs';
import { BookingCard } from '@/features/bookings/components/booking-card';
import { BookingsList } from '@/features/bookings/components/bookings-list';
import { MasterBookingActions } from '@/features/bookings/components/master-booking-actions';
import type { BookingsQuery } from '@/features/bookings/api/get-bookings';
import { useNowIso } from '@/app/routes/app/use-now-iso';
import { useWorkspace } from '@/app/routes/app/workspace/workspace-layout';
import { useI18n, type MessageKey } from '@/lib/i18n';
import '@/features/bookings/styles/bookings.css';

const TABS = ['pending', 'upcoming', 'past'] as const;
type Tab = (typeof TABS)[number];
const LABELS: Record<Tab, MessageKey> = {
  pending: 'workspace.bookings.pending',
  upcoming: 'workspace.bookings.upcoming',
  past: 'workspace.bookings.past',
};
const EMPTY: Record<Tab, MessageKey> = {
  pending: 'workspace.bookings.none_pending',
  upcoming: 'bookings.none_upcoming',
  past: 'bookings.none_past',
};

export function WorkspaceBookingsRoute() {
  const { t } = useI18n();
  const { profile } = useWorkspace();
  const [tab, setTab] = useTabParam(TABS);
  const now = useNowIso();
  const query: BookingsQuery =
    tab === 'pending'
      ? { as: 'master', status: 'pending' }
      : tab === 'upcoming'
        ? { as: 'master', from: now }
        : { as: 'master', to: now };

  return (
    <section className="card" aria-label={t('workspace.tabs.bookings')}>
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} label={(name) => t(LABELS[name])} small />
      <div role="tabpanel">
        <BookingsList
          key={tab}
          query={query}
          reverse={tab === 'past'}
          empty={<p className="empty muted">{t(EMPTY[tab])}</p>}
          renderItem={(booking) => (
            <BookingCard booking={booking} perspective="master" timeZone={profile.timezone}>
              <MasterBookingActions booking={booking} timeZone={profile.timezone} />
            </BookingCard>
          )}
        />
      </div>
    </section>
  );
}
