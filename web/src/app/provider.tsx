import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ErrorBoundary } from '@/components/errors/error-boundary';
import { Toaster, toast } from '@/components/ui/toaster';
import { translate, getLanguage, useI18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/react-query';
import { RealtimeProvider } from '@/lib/realtime';
import { Realtime, socketIoFactory } from '@/lib/socket';
import { SESSION_EXPIRED_EVENT, subscribeSession, getSession } from '@/lib/token-store';

function AppCrash() {
  // Outside every route: keep it independent of hooks that might be what crashed.
  const lang = getLanguage();
  return (
    <div className="route-error" role="alert">
      <p>{translate(lang, 'errors.boundary_title')}</p>
      <button type="button" className="btn btn--secondary" onClick={() => window.location.reload()}>
        {translate(lang, 'errors.reload')}
      </button>
    </div>
  );
}

/** Forgets the whole query cache whenever the session ends, and says why if the server ended it. */
function SessionWatcher({ queryClient }: { queryClient: QueryClient }) {
  const { t } = useI18n();
  useEffect(() => {
    let hadSession = getSession() !== null;
    const unsubscribe = subscribeSession(() => {
      const has = getSession() !== null;
      // Logout, expiry or revocation: the next user of this tab must not see any of it.
      if (hadSession && !has) queryClient.clear();
      hadSession = has;
    });
    const onExpired = () => toast.info(t('auth.session_expired'));
    window.addEventListener(SESSION_EXPIRED_EVENT, onExpired);
    return () => {
      unsubscribe();
      window.removeEventListener(SESSION_EXPIRED_EVENT, onExpired);
    };
  }, [queryClient, t]);
  return null;
}

function LocalizedToaster() {
  const { t } = useI18n();
  return <Toaster closeLabel={t('common.close')} />;
}

type AppProviderProps = {
  children: ReactNode;
  queryClient?: QueryClient | undefined;
  /** The tab's realtime connection; tests pass one built on a fake socket. */
  realtime?: Realtime | undefined;
};

export function AppProvider({ children, queryClient, realtime }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [connection] = useState(() => realtime ?? new Realtime(socketIoFactory));
  return (
    <ErrorBoundary fallback={() => <AppCrash />}>
      <QueryClientProvider client={client}>
        <RealtimeProvider realtime={connection}>
          <SessionWatcher queryClient={client} />
          {children}
          <LocalizedToaster />
        </RealtimeProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
