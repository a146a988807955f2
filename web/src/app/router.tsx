import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RouteErrorBoundary } from '@/components/errors/route-error-boundary';
import { DocsRedirect } from '@/app/routes/docs-redirect';
import { AppRoot } from '@/app/routes/app/root';
import { PageSpinner } from '@/components/ui/spinner';
// The guest screens are where a signed-out visit lands: in the main chunk, shown at once.
import { LoginRoute } from '@/app/routes/auth/login';
import { RegisterRoute } from '@/app/routes/auth/register';
import { GuestRoute, ProtectedRoute } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';

/** A screen in its own chunk, downloaded the first time it is shown (named exports, no barrels). */
function lazyRoute<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const FeedRoute = lazyRoute(() => import('@/app/routes/app/feed'), 'FeedRoute');
const PostRoute = lazyRoute(() => import('@/app/routes/app/post'), 'PostRoute');
const PostNewRoute = lazyRoute(() => import('@/app/routes/app/post-new'), 'PostNewRoute');
const ProfileRoute = lazyRoute(() => import('@/app/routes/app/profile'), 'ProfileRoute');
const ProfileEditRoute = lazyRoute(() => import('@/app/routes/app/profile-edit'), 'ProfileEditRoute');
const BookingRoute = lazyRoute(() => import('@/app/routes/app/booking'), 'BookingRoute');
const BookingsRoute = lazyRoute(() => import('@/app/routes/app/bookings'), 'BookingsRoute');
const ChatsRoute = lazyRoute(() => import('@/app/routes/app/chats'), 'ChatsRoute');
const FavoritesRoute = lazyRoute(() => import('@/app/routes/app/favorites'), 'FavoritesRoute');
const MasterRoute = lazyRoute(() => import('@/app/routes/app/master'), 'MasterRoute');
const MasterBookRoute = lazyRoute(() => import('@/app/routes/app/master-book'), 'MasterBookRoute');
const MastersSearchRoute = lazyRoute(() => import('@/app/routes/app/masters-search'), 'MastersSearchRoute');
const SearchRoute = lazyRoute(() => import('@/app/routes/app/search'), 'SearchRoute');
const WorkspaceBookingsRoute = lazyRoute(() => import('@/app/routes/app/workspace/workspace-bookings'), 'WorkspaceBookingsRoute');
const WorkspaceLayout = lazyRoute(() => import('@/app/routes/app/workspace/workspace-layout'), 'WorkspaceLayout');
const WorkspacePortfolioRoute = lazyRoute(() => import('@/app/routes/app/workspace/workspace-portfolio'), 'WorkspacePortfolioRoute');
const WorkspaceProfileRoute = lazyRoute(() => import('@/app/routes/app/workspace/workspace-profile'), 'WorkspaceProfileRoute');
const WorkspaceScheduleRoute = lazyRoute(() => import('@/app/routes/app/workspace/workspace-schedule'), 'WorkspaceScheduleRoute');
const WorkspaceServicesRoute = lazyRoute(() => import('@/app/routes/app/workspace/workspace-services'), 'WorkspaceServicesRoute');
const NotificationsRoute = lazyRoute(() => import('@/app/routes/app/notifications'), 'NotificationsRoute');
const NotificationSettingsRoute = lazyRoute(() => import('@/app/routes/app/notification-settings'), 'NotificationSettingsRoute');
const UserProfileRoute = lazyRoute(() => import('@/app/routes/app/user-profile'), 'UserProfileRoute');
const UserConnectionsRoute = lazyRoute(() => import('@/app/routes/app/user-connections'), 'UserConnectionsRoute');
const FriendRequestsRoute = lazyRoute(() => import('@/app/routes/app/friend-requests'), 'FriendRequestsRoute');
const BlockedUsersRoute = lazyRoute(() => import('@/app/routes/app/blocked-users'), 'BlockedUsersRoute');
const NotFoundRoute = lazyRoute(() => import('@/app/routes/not-found'), 'NotFoundRoute');

function RouteLoading() {
  const { t } = useI18n();
  return <PageSpinner label={t('common.loading')} />;
}

// Inside the boundary, so a chunk that fails to load shows the route's error, not a blank page.
const guarded = (element: ReactNode) => (
  <RouteErrorBoundary>
    <Suspense fallback={<RouteLoading />}>{element}</Suspense>
  </RouteErrorBoundary>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<GuestRoute>{guarded(<LoginRoute />)}</GuestRoute>} />
      <Route path="/register" element={<GuestRoute>{guarded(<RegisterRoute />)}</GuestRoute>} />
      <Route
        path="/"
        element={
          <ProtectedRoute>
            <AppRoot />
          </ProtectedRoute>
        }
      >
        {/* The home page after login is the feed; signed out, "/" leads to the login. */}
        <Route index element={guarded(<FeedRoute />)} />
        <Route path="/posts/new" element={guarded(<PostNewRoute />)} />
        <Route path="/posts/:id" element={guarded(<PostRoute />)} />
        <Route path="/profile" element={guarded(<ProfileRoute />)} />
        <Route path="/profile/edit" element={guarded(<ProfileEditRoute />)} />
        <Route path="/search" element={guarded(<SearchRoute />)} />
        <Route path="/masters" element={guarded(<MastersSearchRoute />)} />
        <Route path="/masters/:id" element={guarded(<MasterRoute />)} />
        <Route path="/masters/:id/book" element={guarded(<MasterBookRoute />)} />
        <Route path="/bookings" element={guarded(<BookingsRoute />)} />
        <Route path="/bookings/:id" element={guarded(<BookingRoute />)} />
        <Route path="/favorites" element={guarded(<FavoritesRoute />)} />
        <Route path="/chats" element={guarded(<ChatsRoute />)} />
        <Route path="/chats/:id" element={guarded(<ChatsRoute />)} />
        <Route path="/notifications" element={guarded(<NotificationsRoute />)} />
        <Route path="/settings/notifications" element={guarded(<NotificationSettingsRoute />)} />
        <Route path="/users/:id" element={guarded(<UserProfileRoute />)} />
        <Route path="/users/:id/:kind" element={guarded(<UserConnectionsRoute />)} />
        <Route path="/friends/requests" element={guarded(<FriendRequestsRoute />)} />
        <Route path="/settings/blocked" element={guarded(<BlockedUsersRoute />)} />
        <Route path="/workspace" element={guarded(<WorkspaceLayout />)}>
          <Route index element={<Navigate to="/workspace/bookings" replace />} />
          <Route path="bookings" element={guarded(<WorkspaceBookingsRoute />)} />
          <Route path="services" element={guarded(<WorkspaceServicesRoute />)} />
          <Route path="schedule" element={guarded(<WorkspaceScheduleRoute />)} />
          <Route path="portfolio" element={guarded(<WorkspacePortfolioRoute />)} />
          <Route path="profile" element={guarded(<WorkspaceProfileRoute />)} />
        </Route>
      </Route>
      <Route path="/docs" element={<DocsRedirect />} />
      <Route path="*" element={guarded(<NotFoundRoute />)} />
    </Routes>
  );
}
