import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { scheduleQueryKey } from '@/features/schedule/api/get-schedule';

/** Back to the weekly hours for that date. */
export function deleteScheduleException(date: string): Promise<void> {
  return api.delete(`/masters/me/schedule/exceptions/${encodeURIComponent(date)}`);
}

export function useDeleteScheduleException() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteScheduleException,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: scheduleQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
    },
  });
}
