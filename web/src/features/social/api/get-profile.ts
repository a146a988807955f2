import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { socialKeys } from '@/features/social/api/keys';
import { profileSchema, type Profile } from '@/features/social/types/social';

/** GET /users/{id}: the public profile with counts and my relationship to them; 404 when blocked either way. */
export function getProfile(id: string, signal?: AbortSignal): Promise<Profile> {
  return api.get(`/users/${encodeURIComponent(id)}`, { schema: profileSchema, signal });
}

export function getProfileQueryOptions(id: string) {
  return queryOptions({
    queryKey: socialKeys.profile(id),
    queryFn: ({ signal }) => getProfile(id, signal),
  });
}

export function useProfile(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getProfileQueryOptions(id), enabled: enabled && id !== '' });
}
