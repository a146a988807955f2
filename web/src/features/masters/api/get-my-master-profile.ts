import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiProblem } from '@/lib/api-client';
import { masterProfileSchema, type MasterProfile } from '@/types/api';

export const myMasterProfileQueryKey = ['masters', 'me'] as const;

/** The signed-in master's profile, or null before it has been created (404 master_profile_missing). */
export async function getMyMasterProfile(signal?: AbortSignal): Promise<MasterProfile | null> {
  try {
    return await api.get('/masters/me', { schema: masterProfileSchema, signal });
  } catch (error) {
    if (isApiProblem(error) && error.status === 404) return null;
    throw error;
  }
}

export function getMyMasterProfileQueryOptions() {
  return queryOptions({
    queryKey: myMasterProfileQueryKey,
    queryFn: ({ signal }) => getMyMasterProfile(signal),
  });
}

export function useMyMasterProfile({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getMyMasterProfileQueryOptions(), enabled });
}
