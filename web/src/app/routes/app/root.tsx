import { Outlet } from 'react-router';
import { AppLayout } from '@/components/layouts/app-layout';
import { LogoutButton } from '@/features/auth/components/logout-button';

export function AppRoot() {
  return (
    <AppLayout actions={<LogoutButton />}>
      <Outlet />
    </AppLayout>
  );
}
