import type { ReactNode } from 'react';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import type { User } from '@/types/api';

/** Loads the current user for a signed-in screen, with loading and error states. */
export function UserGate({ children }: { children: (user: User) => ReactNode }) {
  const { t } = useI18n();
  const user = useUser();
  if (user.data) return <>{children(user.data)}</>;
  if (user.isError) return <QueryErrorAlert query={user} data-testid="profile-error" />;
  return <PageSpinner label={t('common.loading')} />;
}
