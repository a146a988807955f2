import type { QueryClient } from '@tanstack/react-query';

export const scheduleKeys = {
  all: ['schedule'] as const,
  mine: () => ['schedule', 'me'] as const,
};

/** The master's schedule, e.g. after the profile's timezone changed. */
export function invalidateSchedule(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
}
