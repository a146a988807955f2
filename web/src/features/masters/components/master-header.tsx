import type { ReactNode } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { MasterRating } from '@/features/masters/components/master-rating';
import { categoryLabel } from '@/features/masters/utils/category-name';
import { formatDistance } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { MasterProfile } from '@/types/api';
import '@/features/masters/styles/masters.css';

/** The portfolio header of a master's page. `action` is the favourite heart. */
export function MasterHeader({ master, action }: { master: MasterProfile; action?: ReactNode }) {
  const { lang } = useI18n();
  const place = [master.city, master.address].filter(Boolean).join(', ');
  return (
    <header className="master-header" data-testid="master-header">
      <div className="master-header__top">
        <Avatar name={master.display_name} src={master.avatar_url ?? null} />
        <div className="master-header__who">
          <h1 className="master-header__name" data-testid="master-name">
            {master.display_name}
          </h1>
          <MasterRating rating={master.rating} testId="master-rating" />
        </div>
        {action}
      </div>
      {master.categories.length > 0 && (
        <ul className="chips master-header__categories">
          {master.categories.map((c) => (
            <li key={c.id} className="chip chip--static">
              {categoryLabel(c, lang)}
            </li>
          ))}
        </ul>
      )}
      {(place || master.distance_m != null) && (
        <p className="master-header__place muted" data-testid="master-place">
          {place}
          {place && master.distance_m != null && ' · '}
          {master.distance_m != null && formatDistance(master.distance_m, lang)}
        </p>
      )}
      {master.bio && (
        <p className="master-header__bio" data-testid="master-bio">
          {master.bio}
        </p>
      )}
    </header>
  );
}
