import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RouteErrorBoundary } from '@/components/errors/route-error-boundary';
import { DocsRedirect } from '@/app/routes/docs-redirect';
import { AppRoot } from '@/app/routes/app/root';
import { ProfileRoute } from '@/app/routes/app/profile';
import { ProfileEditRoute } from '@/app/routes/app/profile-edit';
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
      </Route>
      <Route path="/docs" element={<DocsRedirect />} />
      <Route path="*" element={guarded(<NotFoundRoute />)} />
    </Routes>
  );
}
