import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { MasterProfile, MastersPage } from '@/types/api';

// The masters feature's query keys and the cache functions other features may call
// (the only masters module they may import; see README "Features").

export const masterKeys = {
  all: ['masters'] as const,
  searches: () => ['masters', 'search'] as const,
  search: (search: object) => ['masters', 'search', search] as const,
  detail: (id: string) => ['masters', 'detail', id] as const,
  mine: () => ['masters', 'me'] as const,
  myServices: () => ['masters', 'me', 'services'] as const,
};

/** Everything about masters: after a service change (prices, durations, the list). */
export function invalidateMasters(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: masterKeys.all });
}

/** One master's public page, e.g. after a review changed the rating. */
export function invalidateMaster(queryClient: QueryClient, id: string): void {
  void queryClient.invalidateQueries({ queryKey: masterKeys.detail(id) });
}

export function invalidateMasterSearches(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: masterKeys.searches() });
}

type MasterListItem = MastersPage['items'][number];
/** Fields that a search result and a master's page both carry, e.g. `is_favorite`. */
export type MasterPatch = Partial<Pick<MasterProfile, keyof MasterProfile & keyof MasterListItem>>;

/** Patches one master in every cached page of an infinite list of masters under `queryKey`. */
export function patchMasterInLists(
  queryClient: QueryClient,
  queryKey: readonly unknown[],
  id: string,
  patch: MasterPatch,
): void {
  queryClient.setQueriesData<InfiniteData<MastersPage>>({ queryKey }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({ ...p, items: p.items.map((m) => (m.id === id ? { ...m, ...patch } : m)) })),
        }
      : data,
  );
}

/** Patches a master wherever the masters feature shows it: the master's page and every search result. */
export function patchMaster(queryClient: QueryClient, id: string, patch: MasterPatch): void {
  queryClient.setQueryData<MasterProfile>(masterKeys.detail(id), (m) => (m ? { ...m, ...patch } : m));
  patchMasterInLists(queryClient, masterKeys.searches(), id, patch);
}
