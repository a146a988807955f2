import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RouteErrorBoundary } from '@/components/errors/route-error-boundary';
import { DocsRedirect } from '@/app/routes/docs-redirect';
import { AppRoot } from '@/app/routes/app/root';
import { ProfileRoute } from '@/app/routes/app/profile';
import { ProfileEditRoute } from '@/app/routes/app/profile-edit';
import { BookingRoute } from '@/app/routes/app/booking';
import { BookingsRoute } from '@/app/routes/app/bookings';
import { ChatsRoute } from '@/app/routes/app/chats';
import { FavoritesRoute } from '@/app/routes/app/favorites';
import { MasterRoute } from '@/app/routes/app/master';
import { MasterBookRoute } from '@/app/routes/app/master-book';
import { MastersSearchRoute } from '@/app/routes/app/masters-search';
import { WorkspaceBookingsRoute } from '@/app/routes/app/workspace/workspace-bookings';
import { WorkspaceLayout } from '@/app/routes/app/workspace/workspace-layout';
import { WorkspaceProfileRoute } from '@/app/routes/app/workspace/workspace-profile';
import { WorkspaceScheduleRoute } from '@/app/routes/app/workspace/workspace-schedule';
import { WorkspaceServicesRoute } from '@/app/routes/app/workspace/workspace-services';
import { LoginRoute } from '@/app/routes/auth/login';
import { RegisterRoute } from '@/app/routes/auth/register';
import { NotFoundRoute } from '@/app/routes/not-found';
import { GuestRoute, ProtectedRoute, useSession } from '@/lib/auth';

function RootRedirect() {
  const session = useSession();
  return <Navigate to={session ? '/profile' : '/login'} replace />;
}

const guarded = (element: ReactNode) => <RouteErrorBoundary>{element}</RouteErrorBoundary>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<RootRedirect />} />
      <Route path="/login" element={<GuestRoute>{guarded(<LoginRoute />)}</GuestRoute>} />
      <Route path="/register" element={<GuestRoute>{guarded(<RegisterRoute />)}</GuestRoute>} />
      <Route
        element={
          <ProtectedRoute>
            <AppRoot />
          </ProtectedRoute>
        }
      >
        <Route path="/profile" element={guarded(<ProfileRoute />)} />
        <Route path="/profile/edit" element={guarded(<ProfileEditRoute />)} />
        <Route path="/masters" element={guarded(<MastersSearchRoute />)} />
        <Route path="/masters/:id" element={guarded(<MasterRoute />)} />
        <Route path="/masters/:id/book" element={guarded(<MasterBookRoute />)} />
        <Route path="/bookings" element={guarded(<BookingsRoute />)} />
        <Route path="/bookings/:id" element={guarded(<BookingRoute />)} />
        <Route path="/favorites" element={guarded(<FavoritesRoute />)} />
        <Route path="/chats" element={guarded(<ChatsRoute />)} />
        <Route path="/chats/:id" element={guarded(<ChatsRoute />)} />
        <Route path="/workspace" element={guarded(<WorkspaceLayout />)}>
          <Route index element={<Navigate to="/workspace/bookings" replace />} />
          <Route path="bookings" element={guarded(<WorkspaceBookingsRoute />)} />
          <Route path="services" element={guarded(<WorkspaceServicesRoute />)} />
          <Route path="schedule" element={guarded(<WorkspaceScheduleRoute />)} />
          <Route path="profile" element={guarded(<WorkspaceProfileRoute />)} />
        </Route>
      </Route>
      <Route path="/docs" element={<DocsRedirect />} />
      <Route path="*" element={guarded(<NotFoundRoute />)} />
    </Routes>
  );
}
