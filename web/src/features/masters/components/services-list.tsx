import { formatDuration, formatMoney } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { Service } from '@/types/api';
import '@/features/masters/styles/masters.css';

type Props = {
  services: readonly Service[];
  selectedId: string | null;
  /** Omit to show the price list without a choice. */
  onSelect?: (service: Service) => void;
};

/** The master's price list; picking a service opens its free slots. */
export function ServicesList({ services, selectedId, onSelect }: Props) {
  const { t, lang } = useI18n();
  if (services.length === 0) {
    return (
      <p className="muted" data-testid="services-empty">
        {t('masters.no_services')}
      </p>
    );
  }
  return (
    <ul className="service-list stack-list" data-testid="services-list">
      {services.map((s) => {
        const selected = s.id === selectedId;
        return (
          <li key={s.id} className={`service-item${selected ? ' service-item--selected' : ''}`} data-testid="service-item">
            <div className="service-item__body">
              <p className="service-item__name">{s.name}</p>
              {s.description && <p className="service-item__description muted">{s.description}</p>}
              <p className="service-item__meta">
                <span className="service-item__price" data-testid="service-price">
                  {formatMoney(s.price_minor, s.currency, lang)}
                </span>
                <span className="muted" data-testid="service-duration">
                  {formatDuration(s.duration_min, lang)}
                </span>
              </p>
            </div>
            {onSelect && (
              <button
                type="button"
                className={`btn btn--sm ${selected ? 'btn--primary' : 'btn--secondary'}`}
                aria-pressed={selected}
                aria-label={t('masters.choose_service_named', { name: s.name })}
                data-testid={`choose-service-${s.id}`}
                onClick={() => onSelect(s)}
              >
                {selected ? t('masters.service_chosen') : t('masters.choose_service')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
