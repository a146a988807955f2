import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationKeys } from '@/features/notifications/api/keys';
import { preferencesSchema, type Preferences } from '@/features/notifications/types/notification';

/** PUT /notifications/preferences: the whole document; the server answers with what it stored. */
export function updatePreferences(input: Preferences): Promise<Preferences> {
  return api.put('/notifications/preferences', preferencesSchema.parse(input), { schema: preferencesSchema });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences(), saved),
  });
}
