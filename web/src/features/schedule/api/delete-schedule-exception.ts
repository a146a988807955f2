import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { invalidateSlots } from '@/features/bookings/api/keys';
import { invalidateSchedule } from '@/features/schedule/api/keys';

/** Back to the weekly hours for that date. */
export function deleteScheduleException(date: string): Promise<void> {
  return api.delete(`/masters/me/schedule/exceptions/${encodeURIComponent(date)}`);
}

export function useDeleteScheduleException() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteScheduleException,
    onSuccess: () => {
      invalidateSchedule(queryClient);
      invalidateSlots(queryClient);
    },
  });
}
