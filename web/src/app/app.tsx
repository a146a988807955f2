import type { QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { AppProvider } from '@/app/provider';
import { AppRoutes } from '@/app/router';
import type { Realtime } from '@/lib/socket';

export function App({ queryClient, realtime }: { queryClient?: QueryClient; realtime?: Realtime }) {
  return (
    <AppProvider queryClient={queryClient} realtime={realtime}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  );
}
