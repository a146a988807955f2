import { Outlet } from 'react-router';
import { AppNav } from '@/app/routes/app/nav';
import { AppLayout } from '@/components/layouts/app-layout';
import { LogoutButton } from '@/features/auth/components/logout-button';
import { useBookingUpdates } from '@/features/bookings/hooks/use-booking-updates';
import { useChatRealtime } from '@/features/chats/hooks/use-chat-realtime';
import { useRealtimeConnection } from '@/lib/realtime';

/** The tab's socket, connected while signed in, and the features that listen to it. */
function RealtimeBridge() {
  useRealtimeConnection();
  useChatRealtime();
  useBookingUpdates();
  return null;
}

export function AppRoot() {
  return (
    <AppLayout nav={<AppNav />} actions={<LogoutButton />}>
      <RealtimeBridge />
      <Outlet />
    </AppLayout>
  );
}
