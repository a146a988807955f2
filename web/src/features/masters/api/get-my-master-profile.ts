import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiProblem } from '@/lib/api-client';
import { masterKeys } from '@/features/masters/api/keys';
import { masterProfileSchema, type MasterProfile } from '@/types/api';

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
    queryKey: masterKeys.mine(),
    queryFn: ({ signal }) => getMyMasterProfile(signal),
  });
}

export function useMyMasterProfile({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getMyMasterProfileQueryOptions(), enabled });
}
