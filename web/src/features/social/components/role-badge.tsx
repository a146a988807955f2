import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';
import type { Role } from '@/types/api';

/** "Мастер" (a link to the master's page when there is one) or "Администратор"; clients have none. */
export function RoleBadge({ role, masterId }: { role: Role; masterId: string | null }) {
  const { t } = useI18n();
  if (role === 'client') return null;
  const label = t(`role.${role}`);
  if (role === 'master' && masterId) {
    return (
      <Link
        to={`/masters/${encodeURIComponent(masterId)}`}
        className="badge badge--master badge--link"
        title={t('social.master_page')}
        data-testid="role-badge"
      >
        {label}
      </Link>
    );
  }
  return (
    <span className={`badge badge--${role}`} data-testid="role-badge">
      {label}
    </span>
  );
}
