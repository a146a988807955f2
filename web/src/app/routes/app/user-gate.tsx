import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageSpinner } from '@/components/ui/spinner';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import type { User } from '@/types/api';

/** Loads the current user for a signed-in screen, with loading and error states. */
export function UserGate({ children }: { children: (user: User) => ReactNode }) {
  const { t } = useI18n();
  const user = useUser();
  if (user.data) return <>{children(user.data)}</>;
  if (user.isError) {
    return (
      <Alert
        title={problemMessage(user.error, t)}
        data-testid="profile-error"
        action={
          <Button variant="secondary" size="sm" onClick={() => void user.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <PageSpinner label={t('common.loading')} />;
}
