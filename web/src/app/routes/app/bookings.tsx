import { Link } from 'react-router';
import { ClientBookingItem } from '@/app/routes/app/client-booking-item';
import { Tabs, useTabParam } from '@/components/ui/tabs';
import { BookingsList } from '@/features/bookings/components/bookings-list';
import { useNowIso } from '@/app/routes/app/use-now-iso';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

const TABS = ['upcoming', 'past'] as const;

export function BookingsRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.bookings'));
  const [tab, setTab] = useTabParam(TABS);
  const now = useNowIso();

  return (
    <section className="page" aria-labelledby="bookings-title">
      <h1 id="bookings-title" className="page__title" data-testid="page-title">
        {t('bookings.my_title')}
      </h1>
      <Tabs
        tabs={TABS}
        selected={tab}
        onSelect={setTab}
        label={(name) => t(name === 'upcoming' ? 'bookings.upcoming' : 'bookings.past')}
        aria-label={t('bookings.my_title')}
      />
      <div role="tabpanel">
        <BookingsList
          key={tab}
          query={tab === 'upcoming' ? { as: 'client', from: now } : { as: 'client', to: now }}
          reverse={tab === 'past'}
          empty={
            <p className="empty muted">
              {tab === 'upcoming' ? t('bookings.none_upcoming') : t('bookings.none_past')}{' '}
              {tab === 'upcoming' && <Link to="/masters">{t('bookings.find_master')}</Link>}
            </p>
          }
          renderItem={(booking) => <ClientBookingItem booking={booking} />}
        />
      </div>
    </section>
  );
}
