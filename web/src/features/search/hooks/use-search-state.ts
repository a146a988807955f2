import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { paramsFromSearch, searchFromParams, type SearchState } from '@/features/search/utils/search-params';

/**
 * The results page's search, read from the URL. `update` pushes a history entry, so Back
 * undoes a filter; a changed tab or filter starts from the first page.
 */
export function useSearchState(): [SearchState, (patch: Partial<SearchState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => searchFromParams(params), [params]);
  const update = useCallback(
    (patch: Partial<SearchState>) => setParams(paramsFromSearch({ ...state, ...patch })),
    [state, setParams],
  );
  return [state, update];
}
