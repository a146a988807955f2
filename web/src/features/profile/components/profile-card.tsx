import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { useCategories } from '@/features/profile/api/get-categories';
import { categoryName } from '@/features/profile/utils/group-categories';
import { useI18n } from '@/lib/i18n';
import type { User } from '@/types/api';
import '@/features/profile/styles/profile.css';

function formatCoordinate(value: number): string {
  return Number(value.toFixed(5)).toString();
}

export function ProfileCard({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const categories = useCategories();
  const byId = new Map((categories.data?.items ?? []).map((c) => [c.id, c]));
  const interests = user.interests.map((id) => byId.get(id)).filter((c) => c !== undefined);
  const since = new Date(user.created_at);

  return (
    <section className="card profile-card" data-testid="profile-card" aria-labelledby="profile-name">
      <div className="profile-card__head">
        <Avatar name={user.name} src={user.avatar_url} />
        <div className="profile-card__who">
          <h1 id="profile-name" className="profile-card__name" data-testid="profile-name">
            {user.name}
          </h1>
          <span className={`badge badge--${user.role}`} data-testid="profile-role">
            {t(`role.${user.role}`)}
          </span>
        </div>
        <Link to="/profile/edit" className="btn btn--secondary btn--sm profile-card__edit" data-testid="edit-profile">
          {t('profile.edit')}
        </Link>
      </div>

      <dl className="facts">
        <div className="facts__row">
          <dt>{t('profile.email')}</dt>
          <dd data-testid="profile-email">{user.email}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('location.city')}</dt>
          <dd data-testid="profile-city" className={user.city ? undefined : 'muted'}>
            {user.city ?? t('common.not_set')}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('profile.location')}</dt>
          <dd data-testid="profile-location" className={user.location ? undefined : 'muted'}>
            {user.location
              ? `${formatCoordinate(user.location.lat)}, ${formatCoordinate(user.location.lon)}`
              : t('common.not_set')}
          </dd>
        </div>
      </dl>

      <h2 className="section-title">{t('profile.interests')}</h2>
      {user.interests.length === 0 ? (
        <p className="muted" data-testid="profile-interests-empty">
          {t('profile.no_interests')}
        </p>
      ) : (
        <ul className="chips" data-testid="profile-interests">
          {interests.map((c) => (
            <li className="chip chip--static" key={c.id}>
              {categoryName(c, lang)}
            </li>
          ))}
        </ul>
      )}

      {!Number.isNaN(since.getTime()) && (
        <p className="profile-card__since muted">
          {t('profile.member_since', {
            date: since.toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' }),
          })}
        </p>
      )}
    </section>
  );
}
