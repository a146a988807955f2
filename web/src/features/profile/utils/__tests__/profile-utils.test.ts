import { describe, expect, it } from 'vitest';
import type { Category } from '@/types/api';
import { groupCategories, selectableInGroup } from '@/features/profile/utils/group-categories';
import { buildProfilePatch, profileFormSchema, toFormValues } from '@/features/profile/utils/profile-form-values';
import type { User } from '@/types/api';

const cat = (id: string, parent_id: string | null): Category => ({ id, parent_id, slug: id, name_ru: id, name_en: id });

const user: User = {
  id: 'u1',
  email: 'a@example.com',
  name: 'Анна',
  role: 'client',
  avatar_url: null,
  city: 'Казань',
  location: { lat: 55.79, lon: 49.1 },
  interests: ['a', 'b'],
  created_at: '2025-01-01T00:00:00Z',
};

describe('groupCategories', () => {
  it('groups children under parents in server order and keeps orphans', () => {
    const groups = groupCategories([cat('p1', null), cat('c1', 'p1'), cat('p2', null), cat('c2', 'p1'), cat('x', 'gone')]);
    expect(groups.map((g) => [g.parent.id, g.children.map((c) => c.id)])).toEqual([
      ['p1', ['c1', 'c2']],
      ['p2', []],
      ['x', []],
    ]);
    expect(selectableInGroup(groups[1]!).map((c) => c.id)).toEqual(['p2']);
  });
});

describe('buildProfilePatch', () => {
  const parse = (values: ReturnType<typeof toFormValues>) => profileFormSchema.parse(values);

  it('is empty when nothing changed (interest order does not matter)', () => {
    const values = { ...toFormValues(user), interests: ['b', 'a'] };
    expect(buildProfilePatch(parse(values), user)).toEqual({});
  });

  it('trims, nulls empty strings and parses decimal commas', () => {
    const values = { ...toFormValues(user), name: '  Анна П. ', city: '   ', lat: '10,5', lon: '-20' };
    expect(buildProfilePatch(parse(values), user)).toEqual({
      name: 'Анна П.',
      city: null,
      location: { lat: 10.5, lon: -20 },
    });
  });

  it('rejects half a location and out-of-range values', () => {
    const result = profileFormSchema.safeParse({ ...toFormValues(user), lat: '', lon: '200' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['lat', 'validation.location_pair'],
      ['lon', 'validation.lon_range'],
    ]);
  });
});
