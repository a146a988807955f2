import { Outlet } from 'react-router';
import { AppNav } from '@/app/routes/app/nav';
import { AppLayout } from '@/components/layouts/app-layout';
import { LogoutButton } from '@/features/auth/components/logout-button';

export function AppRoot() {
  return (
    <AppLayout nav={<AppNav />} actions={<LogoutButton />}>
      <Outlet />
    </AppLayout>
  );
}
