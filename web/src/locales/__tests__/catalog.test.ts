import { describe, expect, it } from 'vitest';
import { catalogues, en, ru } from '@/locales/catalog';

describe('message catalogues', () => {
  it.each(Object.entries(catalogues))('%s: en and ru have the same keys, none empty', (_name, { ru: r, en: e }) => {
    expect(Object.keys(e).sort()).toEqual(Object.keys(r).sort());
    for (const value of [...Object.values(r), ...Object.values(e)]) expect(value.trim()).not.toBe('');
  });

  it('defines every key in exactly one catalogue', () => {
    const seen = new Map<string, string>();
    for (const [name, { ru: r }] of Object.entries(catalogues)) {
      for (const key of Object.keys(r)) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });

  it('uses the same {placeholders} in both languages', () => {
    const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(ru) as (keyof typeof ru)[]) expect(params(en[key]), key).toEqual(params(ru[key]));
  });
});
