import { describe, expect, it } from 'vitest';
import { ApiProblem } from '@/lib/api-client';
import { translate } from '@/lib/i18n';
import { describeProblem, normalizeFieldPath, splitProblem } from '@/lib/problem';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);

describe('problem helpers', () => {
  it('normalises field paths', () => {
    expect(normalizeFieldPath('/location/lat')).toBe('location.lat');
    expect(normalizeFieldPath('interests[2]')).toBe('interests.2');
    expect(normalizeFieldPath('body.email')).toBe('email');
  });

  it('splits errors between fields and the form', () => {
    const error = new ApiProblem(422, {
      code: 'validation_failed',
      title: 'Validation failed',
      errors: [
        { field: 'location.lat', message: 'out of range' },
        { field: 'interests[0]', message: 'unknown category' },
        { field: 'avatar', message: 'nope' },
      ],
    });
    const split = splitProblem(error, ['lat', 'lon', 'interests'] as const, t, { 'location.lat': 'lat' });
    expect(split.fieldErrors).toEqual({ lat: 'out of range', interests: 'unknown category' });
    expect(split.formError).toBe('avatar: nope');
  });

  it('translates well-known codes and falls back to title/detail', () => {
    expect(describeProblem(new ApiProblem(0, { code: 'network_error' }), t).title).toMatch(/Cannot reach/);
    expect(describeProblem(new ApiProblem(503, {}), t).title).toMatch(/temporarily unavailable/);
    expect(describeProblem(new ApiProblem(429, { code: 'rate_limited' }, 5), t).title).toBe(
      'Too many requests. Try again in 5 s.',
    );
    expect(describeProblem(new ApiProblem(409, { title: 'Conflict', detail: 'Slot taken' }), t)).toEqual({
      title: 'Conflict',
      detail: 'Slot taken',
    });
    expect(describeProblem(new Error('boom'), t).title).toBe('Something went wrong');
  });
});
