import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { scheduleKeys } from '@/features/schedule/api/keys';

const time = z.string().regex(/^\d{2}:\d{2}$/);

export const intervalSchema = z.object({ start: time, end: time });
export type Interval = z.infer<typeof intervalSchema>;

export const weeklyIntervalSchema = intervalSchema.extend({ weekday: z.number().int().min(1).max(7) });
export type WeeklyInterval = z.infer<typeof weeklyIntervalSchema>;

export const scheduleExceptionSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  intervals: z.array(intervalSchema),
});
export type ScheduleException = z.infer<typeof scheduleExceptionSchema>;

export const scheduleSchema = z.object({
  timezone: z.string(),
  weekly: z.array(weeklyIntervalSchema),
  exceptions: z.array(scheduleExceptionSchema),
});
export type Schedule = z.infer<typeof scheduleSchema>;

/** The master's weekly hours and the date exceptions from today on, in the master's zone. */
export function getSchedule(signal?: AbortSignal): Promise<Schedule> {
  return api.get('/masters/me/schedule', { schema: scheduleSchema, signal });
}

export function getScheduleQueryOptions() {
  return queryOptions({ queryKey: scheduleKeys.mine(), queryFn: ({ signal }) => getSchedule(signal) });
}

export function useSchedule() {
  return useQuery(getScheduleQueryOptions());
}
