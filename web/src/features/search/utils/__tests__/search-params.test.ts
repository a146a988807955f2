import { describe, expect, it } from 'vitest';
import { searchQueryString } from '@/features/search/api/get-search-results';
import { addRecentSearch, clearRecentSearches, getRecentSearches, MAX_RECENT_SEARCHES } from '@/features/search/utils/recent-searches';
import { EMPTY_SEARCH, paramsFromSearch, searchFromParams } from '@/features/search/utils/search-params';

describe('search params', () => {
  it('round-trips the whole search through the URL, leaving defaults out', () => {
    const state = {
      ...EMPTY_SEARCH,
      q: 'маникюр',
      type: 'services' as const,
      categoryId: 'c1',
      price: { from: 100_000, to: 200_000 },
      minRating: 4.5,
      available: 'tomorrow',
      radiusKm: 5,
      sort: 'price' as const,
    };
    const params = paramsFromSearch(state);
    expect(params.toString()).toBe('q=%D0%BC%D0%B0%D0%BD%D0%B8%D0%BA%D1%8E%D1%80&type=services&category=c1&price=100000-200000&rating=4.5&available=tomorrow&radius=5&sort=price');
    expect(searchFromParams(params)).toEqual(state);
    expect(paramsFromSearch(EMPTY_SEARCH).toString()).toBe('');
  });

  it('drops what a tab does not take and ignores malformed values', () => {
    const posts = searchFromParams(new URLSearchParams('type=posts&price=0-100000&rating=4&available=today&sort=price'));
    expect(posts).toEqual({ ...EMPTY_SEARCH, type: 'posts' });
    const junk = searchFromParams(new URLSearchParams('type=x&price=abc&rating=2&radius=7&available=someday&sort=recent'));
    expect(junk).toEqual(EMPTY_SEARCH);
  });

  it('sends the facet bucket as inclusive bounds and the point only with a radius or the distance sort', () => {
    const point = { lat: 55.75, lon: 37.61 };
    const wire = new URLSearchParams(
      searchQueryString({ ...EMPTY_SEARCH, q: ' a ', price: { from: 100_000, to: 200_000 }, point }, null),
    );
    expect(wire.get('q')).toBe('a');
    expect(wire.get('price_min')).toBe('100000');
    expect(wire.get('price_max')).toBe('199999');
    expect(wire.has('lat')).toBe(false);
    const near = new URLSearchParams(searchQueryString({ ...EMPTY_SEARCH, sort: 'distance', point }, 'c2'));
    expect([near.get('lat'), near.get('lon'), near.get('radius_km'), near.get('cursor')]).toEqual(['55.75', '37.61', '100', 'c2']);
  });
});

describe('recent searches', () => {
  it('keeps the last ones, newest first, once each', () => {
    for (let i = 1; i <= MAX_RECENT_SEARCHES + 2; i += 1) addRecentSearch(`запрос ${i}`);
    addRecentSearch('  ЗАПРОС   5 ');
    const items = getRecentSearches();
    expect(items).toHaveLength(MAX_RECENT_SEARCHES);
    expect(items[0]).toBe('ЗАПРОС 5');
    expect(items.filter((i) => i.toLowerCase() === 'запрос 5')).toHaveLength(1);
    clearRecentSearches();
    expect(getRecentSearches()).toEqual([]);
  });
});
