import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { socialKeys } from '@/features/social/api/keys';
import { blockListSchema, type BlockList } from '@/features/social/types/social';

/** GET /users/me/blocks: whom I blocked, newest first (the only place they can be unblocked). */
export function getBlocks(signal?: AbortSignal): Promise<BlockList> {
  return api.get('/users/me/blocks', { schema: blockListSchema, signal });
}

export function getBlocksQueryOptions() {
  return queryOptions({ queryKey: socialKeys.blocks(), queryFn: ({ signal }) => getBlocks(signal) });
}

export function useBlocks() {
  return useQuery(getBlocksQueryOptions());
}
