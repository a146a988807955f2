import type { NextFreeSlot } from '@/features/search/api/get-search-results';
import type { ProblemDocument } from '@/types/api';

// The search half of the mock server. It searches the marketplace and posts mocks with a
// naive rule (every word of the query starts a word of the document), not the server's
// ranking: what the server decides (corrections, free days) is seeded by the tests.

export const sdb = {
  /** A query that finds nothing as typed → the corrected reading the "server" searches instead. */
  corrections: new Map<string, string>(),
  /** Master or service id → its first free slot on the asked day (the server computes these). */
  freeSlots: new Map<string, NonNullable<NextFreeSlot>>(),
  /** Every search answers with this problem while set. */
  failure: null as (ProblemDocument & { status: number }) | null,
  calls: {
    searches: [] as URLSearchParams[],
    suggests: [] as string[],
  },
};

export function resetSearchDb(): void {
  sdb.corrections.clear();
  sdb.freeSlots.clear();
  sdb.failure = null;
  sdb.calls = { searches: [], suggests: [] };
}

/** The last search the client made (its query string). */
export function lastSearch(): URLSearchParams {
  const last = sdb.calls.searches.at(-1);
  if (!last) throw new Error('no search was made');
  return last;
}
