import { Link } from 'react-router';
import type { ServiceHit } from '@/features/search/api/get-search-results';
import { FreeSlot } from '@/features/search/components/free-slot';
import { Highlight } from '@/features/search/components/highlight';
import { formatDistance, formatDuration, formatMoney, formatRating } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import '@/features/search/styles/search.css';

/** A service found by the search: its name (matched words marked), price, length and master. */
export function ServiceHitCard({ hit }: { hit: ServiceHit }) {
  const { t, lang } = useI18n();
  const { master } = hit;
  const masterUrl = `/masters/${encodeURIComponent(master.id)}`;
  return (
    <li className="service-hit tile" data-testid="service-hit" data-service-id={hit.id} data-master-id={master.id}>
      <div className="service-hit__body">
        <p className="service-hit__name">
          <Highlight html={hit.highlight} data-testid="service-hit-name" />
        </p>
        <p className="service-hit__meta">
          <span className="service-hit__price" data-testid="service-hit-price">
            {formatMoney(hit.price_minor, hit.currency, lang)}
          </span>
          <span className="muted">{formatDuration(hit.duration_min, lang)}</span>
        </p>
        <p className="service-hit__master muted">
          <Link to={masterUrl} data-testid="service-hit-master">
            {t('search.service.master', { name: master.display_name })}
          </Link>
          {master.rating.avg !== null && master.rating.count > 0 && (
            <span>
              <span aria-hidden="true">★</span> {formatRating(master.rating.avg, lang)}
            </span>
          )}
          {master.distance_m != null && <span>{formatDistance(master.distance_m, lang)}</span>}
          {master.city && <span>{master.city}</span>}
        </p>
        <FreeSlot slot={hit.next_free_slot} />
      </div>
      <Link
        to={`${masterUrl}?${new URLSearchParams({ service: hit.id })}#book`}
        className="btn btn--primary btn--sm"
        aria-label={t('search.service.book_named', { name: hit.name })}
        data-testid="service-hit-book"
      >
        {t('search.service.book')}
      </Link>
    </li>
  );
}
