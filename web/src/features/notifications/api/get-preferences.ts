import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationKeys } from '@/features/notifications/api/keys';
import { preferencesSchema, type Preferences } from '@/features/notifications/types/notification';

export function getPreferences(signal?: AbortSignal): Promise<Preferences> {
  return api.get('/notifications/preferences', { schema: preferencesSchema, signal });
}

export function getPreferencesQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => getPreferences(signal),
  });
}

export function usePreferences() {
  return useQuery(getPreferencesQueryOptions());
}
