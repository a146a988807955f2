import { ShowMoreButton, type NextPageQuery } from '@/components/ui/show-more-button';
import { FavoriteButton } from '@/features/favorites/components/favorite-button';
import { MasterCard } from '@/features/masters/components/master-card';
import type { MasterSummary } from '@/types/api';
import '@/features/masters/styles/masters.css';

type Props = {
  items: MasterSummary[];
  /** The paged query the items come from, for "Show more". */
  query: NextPageQuery;
  'data-testid': string;
  moreTestId?: string;
};

/** Masters as cards with a heart each (search results, favourites), then "Show more". */
export function MasterResults({ items, query, 'data-testid': testId, moreTestId }: Props) {
  return (
    <>
      <ul className="master-list stack-list" data-testid={testId}>
        {items.map((m) => (
          <MasterCard
            key={m.id}
            master={m}
            action={<FavoriteButton masterId={m.id} masterName={m.display_name} isFavorite={m.is_favorite} />}
          />
        ))}
      </ul>
      <ShowMoreButton query={query} data-testid={moreTestId} />
    </>
  );
}
