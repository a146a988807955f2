import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import {
  intervalSchema,
  scheduleExceptionSchema,
  type ScheduleException,
} from '@/features/schedule/api/get-schedule';
import { invalidateSlots } from '@/features/bookings/api/keys';
import { invalidateSchedule } from '@/features/schedule/api/keys';

export const putScheduleExceptionInputSchema = z.object({ intervals: z.array(intervalSchema) });
export type PutScheduleExceptionInput = z.infer<typeof putScheduleExceptionInputSchema>;

/** Special hours for one date; no intervals = a day off. */
export function putScheduleException({
  date,
  input,
}: {
  date: string;
  input: PutScheduleExceptionInput;
}): Promise<ScheduleException> {
  return api.put(
    `/masters/me/schedule/exceptions/${encodeURIComponent(date)}`,
    putScheduleExceptionInputSchema.parse(input),
    { schema: scheduleExceptionSchema },
  );
}

export function usePutScheduleException() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putScheduleException,
    onSuccess: () => {
      invalidateSchedule(queryClient);
      invalidateSlots(queryClient);
    },
  });
}
