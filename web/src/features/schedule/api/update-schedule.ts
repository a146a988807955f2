import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { invalidateSlots } from '@/features/bookings/api/keys';
import { scheduleKeys } from '@/features/schedule/api/keys';
import { scheduleSchema, weeklyIntervalSchema, type Schedule } from '@/features/schedule/api/get-schedule';

export const updateScheduleInputSchema = z.object({ weekly: z.array(weeklyIntervalSchema) });
export type UpdateScheduleInput = z.infer<typeof updateScheduleInputSchema>;

/** Replaces the weekly hours; several intervals on one day leave breaks between them. */
export function updateSchedule(input: UpdateScheduleInput): Promise<Schedule> {
  return api.put('/masters/me/schedule', updateScheduleInputSchema.parse(input), { schema: scheduleSchema });
}

export function useUpdateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSchedule,
    onSuccess: (schedule) => {
      queryClient.setQueryData(scheduleKeys.mine(), schedule);
      invalidateSlots(queryClient);
    },
  });
}
