import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { invalidateMasters } from '@/features/masters/api/keys';

/** DELETE deactivates: past bookings keep pointing at the service. */
export function deactivateService(id: string): Promise<void> {
  return api.delete(`/masters/me/services/${encodeURIComponent(id)}`);
}

export function useDeactivateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateService,
    onSuccess: () => invalidateMasters(queryClient),
  });
}
