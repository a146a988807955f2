import { useSearchParams } from 'react-router';
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
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'pending';
  const now = useNowIso();
  const query: BookingsQuery =
    tab === 'pending'
      ? { as: 'master', status: 'pending' }
      : tab === 'upcoming'
        ? { as: 'master', from: now }
        : { as: 'master', to: now };

  return (
    <section className="card" aria-label={t('workspace.tabs.bookings')}>
      <div className="tabs tabs--small" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab === name}
            data-testid={`tab-${name}`}
            onClick={() => setParams(name === 'pending' ? {} : { tab: name }, { replace: true })}
          >
            {t(LABELS[name])}
          </button>
        ))}
      </div>
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
