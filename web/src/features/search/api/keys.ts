import { masterKeys } from '@/features/masters/api/keys';
import { postKeys } from '@/features/posts/api/keys';

// The search feature's query keys. Results live under the keys of the feature that owns
// what they show, so the owners' cache functions reach them too: masters and services under
// `masterKeys.searches()` (a heart flipped by `patchMaster`, a changed service invalidating
// them), posts under `postKeys.lists()` (a like or a deletion patched by `patchPost`).

export const searchKeys = {
  masterResults: (request: object) => [...masterKeys.searches(), 'everything', request] as const,
  postResults: (request: object) => [...postKeys.lists(), 'search', request] as const,
  suggestions: (q: string) => ['search', 'suggest', q] as const,
};
