import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ErrorBoundary } from '@/components/errors/error-boundary';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/i18n';

function RouteErrorFallback() {
  const { t } = useI18n();
  return (
    <div className="route-error" data-testid="route-error">
      <Alert
        title={t('errors.boundary_title')}
        action={
          <Button variant="secondary" size="sm" onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </Button>
        }
      >
        {t('errors.boundary_text')}
      </Alert>
    </div>
  );
}

/** One boundary per route, so a crash in one screen leaves the shell usable. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname} fallback={() => <RouteErrorFallback />}>
      {children}
    </ErrorBoundary>
  );
}
