import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { BookingConfirmForm } from '@/features/bookings/components/booking-confirm-form';
import { useMaster } from '@/features/masters/api/get-master';
import { formatDateTime, formatDuration, formatMoney } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/profile/styles/profile.css';

/** The confirmation screen: what, when, how much; an optional comment; book. */
export function MasterBookRoute() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const master = useMaster(id, null);
  useDocumentTitle(t('bookings.confirm_title'));
  const serviceId = params.get('service') ?? '';
  const startAt = params.get('start') ?? '';
  const back = `/masters/${id}?${new URLSearchParams({ service: serviceId })}`;

  if (master.isPending) return <PageSpinner label={t('common.loading')} />;
  if (master.isError) return <QueryErrorAlert query={master} />;
  const m = master.data;
  const service = m.services.find((s) => s.id === serviceId && s.active);
  if (!service || Number.isNaN(Date.parse(startAt))) {
    return (
      <Alert
        title={t('bookings.invalid_choice')}
        data-testid="booking-invalid"
        action={
          <Link to={`/masters/${id}`} className="btn btn--secondary btn--sm">
            {t('bookings.pick_another')}
          </Link>
        }
      />
    );
  }

  return (
    <section className="card booking-confirm" aria-labelledby="confirm-title">
      <h1 id="confirm-title" className="card__title" data-testid="page-title">
        {t('bookings.confirm_title')}
      </h1>
      <dl className="facts" data-testid="booking-summary">
        <div className="facts__row">
          <dt>{t('bookings.master')}</dt>
          <dd data-testid="summary-master">{m.display_name}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('bookings.service')}</dt>
          <dd data-testid="summary-service">{service.name}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('bookings.when')}</dt>
          <dd data-testid="summary-when">{formatDateTime(startAt, lang, m.timezone)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('bookings.duration')}</dt>
          <dd>{formatDuration(service.duration_min, lang)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('bookings.price')}</dt>
          <dd data-testid="summary-price">{formatMoney(service.price_minor, service.currency, lang)}</dd>
        </div>
        {(m.address || m.city) && (
          <div className="facts__row">
            <dt>{t('bookings.address')}</dt>
            <dd>{[m.city, m.address].filter(Boolean).join(', ')}</dd>
          </div>
        )}
      </dl>
      <BookingConfirmForm
        serviceId={service.id}
        startAt={startAt}
        onBooked={(booking) => navigate(`/bookings/${booking.id}`, { replace: true, state: { justBooked: true } })}
        onPickAnother={() => navigate(back)}
      />
      <Link to={back} className="btn btn--ghost btn--block" data-testid="change-time">
        {t('bookings.change_time')}
      </Link>
    </section>
  );
}
