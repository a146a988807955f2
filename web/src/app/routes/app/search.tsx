import { useCallback } from 'react';
import { FavoriteButton } from '@/features/favorites/components/favorite-button';
import { MasterCard } from '@/features/masters/components/master-card';
import { useSearchLocation, type LocationSource } from '@/features/masters/hooks/use-search-location';
import { categoryLabel } from '@/features/masters/utils/category-name';
import { PostCard } from '@/features/posts/components/post-card';
import { useCategories } from '@/features/profile/api/get-categories';
import { SearchView } from '@/features/search/components/search-view';
import { useI18n, type MessageKey } from '@/lib/i18n';
import type { Category } from '@/types/api';

const SOURCE_LABELS: Record<LocationSource, MessageKey> = {
  device: 'masters.near_device',
  profile: 'masters.near_profile',
  default: 'masters.near_default',
};

/**
 * /search: the search feature's results page, drawing masters with the masters feature's card
 * (and the favourites' heart) and posts with the posts feature's card. Distances are measured
 * from where the masters list searches from (the device, else the profile, else the centre).
 */
export function SearchRoute() {
  const { t, lang } = useI18n();
  const where = useSearchLocation();
  const categories = useCategories();
  const categoryName = useCallback((c: Category) => categoryLabel(c, lang), [lang]);
  return (
    <SearchView
      point={where.location}
      locating={where.status === 'locating'}
      distanceHint={where.status === 'ready' ? t(SOURCE_LABELS[where.source]) : undefined}
      categories={categories.data?.items ?? []}
      categoryName={categoryName}
      renderMaster={(hit, { title, extra }) => (
        <MasterCard
          key={hit.id}
          master={hit}
          title={title}
          extra={extra}
          action={<FavoriteButton masterId={hit.id} masterName={hit.display_name} isFavorite={hit.is_favorite} />}
        />
      )}
      renderPost={(post) => <PostCard post={post} />}
    />
  );
}
