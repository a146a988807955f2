import { useEffect } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { RetryButton } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { SlotPicker } from '@/features/bookings/components/slot-picker';
import { StartChatButton } from '@/features/chats/components/start-chat-button';
import { FavoriteButton } from '@/features/favorites/components/favorite-button';
import { useMaster } from '@/features/masters/api/get-master';
import { MasterHeader } from '@/features/masters/components/master-header';
import { ServicesList } from '@/features/masters/components/services-list';
import { getLastDeviceLocation } from '@/features/masters/hooks/use-search-location';
import { PortfolioGallery } from '@/features/portfolio/components/portfolio-gallery';
import { UserPostsGrid } from '@/features/posts/components/user-posts-grid';
import { ReviewsList } from '@/features/reviews/components/reviews-list';
import { isApiProblem } from '@/lib/api-client';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/bookings/styles/bookings.css';
import '@/features/masters/styles/masters.css';
import '@/features/reviews/styles/reviews.css';

export function MasterRoute() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const master = useMaster(id, getLastDeviceLocation());
  const me = useUser();
  useDocumentTitle(master.data?.display_name ?? t('masters.master'));
  // /masters/:id#reviews (a review notification) scrolls to the reviews once the page is there.
  const { hash } = useLocation();
  const loaded = master.isSuccess;
  // #book (a post's "Записаться", with ?service=): the free slots of that service.
  useEffect(() => {
    if (!loaded) return;
    if (hash === '#reviews') document.getElementById('reviews')?.scrollIntoView?.({ block: 'start' });
    if (hash === '#book') document.getElementById('booking-step')?.scrollIntoView?.({ block: 'start' });
  }, [loaded, hash]);

  if (master.isPending) return <PageSpinner label={t('common.loading')} />;
  if (master.isError) {
    const missing = isApiProblem(master.error) && master.error.status === 404;
    return (
      <Alert
        title={missing ? t('masters.not_found') : problemMessage(master.error, t)}
        data-testid="master-error"
        action={
          missing ? (
            <Link to="/masters" className="btn btn--secondary btn--sm">
              {t('masters.back_to_search')}
            </Link>
          ) : (
            <RetryButton onRetry={() => void master.refetch()} />
          )
        }
      />
    );
  }

  const m = master.data;
  const own = me.data?.id === m.user_id;
  const serviceId = params.get('service');
  const service = m.services.find((s) => s.id === serviceId && s.active) ?? null;

  return (
    <div className="page master-page">
      <section className="card">
        <MasterHeader
          master={m}
          action={own ? undefined : <FavoriteButton masterId={m.id} masterName={m.display_name} isFavorite={m.is_favorite} />}
        />
        {own ? (
          <Link to="/workspace/profile" className="btn btn--secondary btn--sm" data-testid="edit-own-page">
            {t('masters.edit_own')}
          </Link>
        ) : (
          <StartChatButton userId={m.user_id} />
        )}
      </section>

      <PortfolioGallery masterId={m.id} masterName={m.display_name} />

      <section className="card" aria-labelledby="services-title">
        <h2 id="services-title" className="card__subtitle">
          {t('masters.services')}
        </h2>
        <ServicesList
          services={m.services.filter((s) => s.active)}
          selectedId={service?.id ?? null}
          onSelect={
            own
              ? undefined
              : (s) => setParams(s.id === service?.id ? {} : { service: s.id }, { replace: true, preventScrollReset: true })
          }
        />
        {service && (
          <div className="booking-step" id="booking-step" data-testid="booking-step">
            <h3 className="booking-step__title">{t('slots.title', { service: service.name })}</h3>
            <SlotPicker
              masterId={m.id}
              serviceId={service.id}
              timeZone={m.timezone}
              horizonDays={m.booking_rules.horizon_days}
              selected={null}
              onSelect={(slot) =>
                navigate(`/masters/${m.id}/book?${new URLSearchParams({ service: service.id, start: slot.start_at })}`)
              }
            />
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="master-posts-title" data-testid="master-posts">
        <h2 id="master-posts-title" className="card__subtitle">
          {t('posts.publications')}
        </h2>
        <UserPostsGrid userId={m.user_id} />
      </section>

      <section className="card" id="reviews" aria-labelledby="reviews-title">
        <h2 id="reviews-title" className="card__subtitle">
          {t('reviews.title')}
        </h2>
        <ReviewsList masterId={m.id} canReply={own} />
      </section>
    </div>
  );
}
