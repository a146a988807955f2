import { Outlet, useMatch } from 'react-router';
import { AppNav } from '@/app/routes/app/nav';
import { AppLayout } from '@/components/layouts/app-layout';
import { LogoutButton } from '@/features/auth/components/logout-button';
import { useBookingUpdates } from '@/features/bookings/hooks/use-booking-updates';
import { useChatRealtime } from '@/features/chats/hooks/use-chat-realtime';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { NotificationToaster } from '@/features/notifications/components/notification-toaster';
import { useNotificationsRealtime } from '@/features/notifications/hooks/use-notifications-realtime';
import { usePostsRealtime } from '@/features/posts/hooks/use-posts-realtime';
import { useLocaleSync } from '@/features/profile/hooks/use-locale-sync';
import { SearchBox } from '@/features/search/components/search-box';
import { useSocialRealtime } from '@/features/social/hooks/use-social-realtime';
import { useRealtimeConnection } from '@/lib/realtime';

/** The tab's socket, connected while signed in, and the features that listen to it. */
function RealtimeBridge() {
  useRealtimeConnection();
  useChatRealtime();
  useBookingUpdates();
  useNotificationsRealtime();
  usePostsRealtime();
  useSocialRealtime();
  return null;
}

/** The server writes notification texts and pushes in the language of the UI. */
function LocaleSync() {
  useLocaleSync();
  return null;
}

export function AppRoot() {
  // The notifications page shows a live item in its list; a toast there would say it twice.
  const onNotifications = useMatch('/notifications') !== null;
  return (
    <AppLayout
      nav={<AppNav />}
      search={<SearchBox />}
      actions={
        <>
          <NotificationBell />
          <LogoutButton />
        </>
      }
    >
      <RealtimeBridge />
      <LocaleSync />
      <NotificationToaster enabled={!onNotifications} />
      <Outlet />
    </AppLayout>
  );
}
