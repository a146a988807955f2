import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import {
  intervalSchema,
  scheduleExceptionSchema,
  scheduleQueryKey,
  type ScheduleException,
} from '@/features/schedule/api/get-schedule';

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
      void queryClient.invalidateQueries({ queryKey: scheduleQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
    },
  });
}
