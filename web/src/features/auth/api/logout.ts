import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { clearSession, getSession } from '@/lib/token-store';

export const logoutInputSchema = z.object({ refresh_token: z.string().min(1) });
export type LogoutInput = z.infer<typeof logoutInputSchema>;

export function logout(input: LogoutInput): Promise<void> {
  return api.post('/auth/logout', input, { auth: false });
}

/**
 * Revokes the refresh token on the server, then forgets the session locally whatever the
 * server said: a user who presses "log out" must end up logged out.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const session = getSession();
      if (!session) return;
      try {
        await logout({ refresh_token: session.refreshToken });
      } catch {
        // Offline or already revoked: the token dies with the local session anyway.
      }
    },
    onSettled: () => {
      // The route guard sees the session end and shows the login page.
      clearSession('logout');
      queryClient.clear();
    },
  });
}
