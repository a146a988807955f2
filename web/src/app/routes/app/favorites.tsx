import { Link } from 'react-router';
import { MasterResults } from '@/app/routes/app/master-results';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { useFavorites } from '@/features/favorites/api/get-favorites';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export function FavoritesRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.favorites'));
  const favorites = useFavorites();

  let body;
  if (favorites.isPending) body = <PageSpinner label={t('common.loading')} />;
  else if (favorites.isError) body = <QueryErrorAlert query={favorites} />;
  else {
    const items = favorites.data.pages.flatMap((p) => p.items);
    body =
      items.length === 0 ? (
        <p className="empty muted" data-testid="favorites-empty">
          {t('favorites.empty')} <Link to="/masters">{t('bookings.find_master')}</Link>
        </p>
      ) : (
        <MasterResults items={items} query={favorites} data-testid="favorites-list" />
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
