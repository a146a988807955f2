import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { MasterRating } from '@/features/masters/components/master-rating';
import { categoryLabel } from '@/features/masters/utils/category-name';
import { formatDistance, formatMoney } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { MasterSummary } from '@/types/api';
import '@/features/masters/styles/masters.css';

/** The thumb of the master's first portfolio photo; gone if it fails to load. */
function MasterCover({ src }: { src: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === src) return null;
  return (
    <img
      className="master-card__cover"
      src={src}
      alt=""
      width={72}
      height={72}
      loading="lazy"
      decoding="async"
      data-testid="master-cover"
      onError={() => setFailed(src)}
    />
  );
}

type MasterCardProps = {
  master: MasterSummary;
  /** Rendered in the corner (the favourite heart). */
  action?: ReactNode;
  /** Instead of the plain name inside the link (e.g. the search's highlighted name). */
  title?: ReactNode;
  /** Under the place (e.g. the search's first free slot). */
  extra?: ReactNode;
};

/** One search result. */
export function MasterCard({ master, action, title, extra }: MasterCardProps) {
  const { t, lang } = useI18n();
  const place = [master.city, master.address].filter(Boolean).join(', ');
  return (
    <li className="master-card tile" data-testid="master-card" data-master-id={master.id}>
      <Avatar name={master.display_name} src={master.avatar_url ?? null} size="md" />
      <div className="master-card__body">
        <Link to={`/masters/${master.id}`} className="master-card__name" data-testid="master-card-link">
          {title ?? master.display_name}
        </Link>
        {master.categories.length > 0 && (
          <p className="master-card__categories muted">
            {master.categories
              .slice(0, 3)
              .map((c) => categoryLabel(c, lang))
              .join(' · ')}
          </p>
        )}
        <div className="master-card__meta">
          <MasterRating rating={master.rating} />
          {master.distance_m != null && (
            <span data-testid="master-distance">{formatDistance(master.distance_m, lang)}</span>
          )}
          {master.min_price_minor !== null && (
            <span className="master-card__price" data-testid="master-min-price">
              {t('masters.price_from', { price: formatMoney(master.min_price_minor, master.currency ?? 'RUB', lang) })}
            </span>
          )}
        </div>
        {place && <p className="master-card__place muted">{place}</p>}
        {extra}
      </div>
      {master.cover_url && <MasterCover src={master.cover_url} />}
      {action && <div className="master-card__action">{action}</div>}
    </li>
  );
}
