import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageSpinner } from '@/components/ui/spinner';
import { useFavorites } from '@/features/favorites/api/get-favorites';
import { FavoriteButton } from '@/features/favorites/components/favorite-button';
import { MasterCard } from '@/features/masters/components/master-card';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/masters/styles/masters.css';

export function FavoritesRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.favorites'));
  const favorites = useFavorites();

  let body;
  if (favorites.isPending) body = <PageSpinner label={t('common.loading')} />;
  else if (favorites.isError) {
    body = (
      <Alert
        title={problemMessage(favorites.error, t)}
        action={
          <Button variant="secondary" size="sm" onClick={() => void favorites.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else {
    const items = favorites.data.pages.flatMap((p) => p.items);
    body =
      items.length === 0 ? (
        <p className="empty muted" data-testid="favorites-empty">
          {t('favorites.empty')} <Link to="/masters">{t('bookings.find_master')}</Link>
        </p>
      ) : (
        <>
          <ul className="master-list stack-list" data-testid="favorites-list">
            {items.map((m) => (
              <MasterCard
                key={m.id}
                master={m}
                action={<FavoriteButton masterId={m.id} masterName={m.display_name} isFavorite={m.is_favorite} />}
              />
            ))}
          </ul>
          {favorites.hasNextPage && (
            <Button
              variant="secondary"
              block
              loading={favorites.isFetchingNextPage}
              onClick={() => void favorites.fetchNextPage()}
            >
              {t('common.show_more')}
            </Button>
          )}
        </>
      );
  }

  return (
    <section className="page" aria-labelledby="favorites-title">
      <h1 id="favorites-title" className="page__title" data-testid="page-title">
        {t('favorites.title')}
      </h1>
      {body}
    </section>
  );
}
