import { describe, expect, it } from 'vitest';
import { checkIntervals, errorWeekday, weekFromSchedule, weekToList } from '@/features/schedule/utils/intervals';

describe('schedule intervals', () => {
  it('accept breaks and reject overlaps, reversed and malformed times', () => {
    expect(checkIntervals([])).toBeNull();
    expect(checkIntervals([{ start: '10:00', end: '14:00' }, { start: '15:00', end: '19:00' }])).toBeNull();
    expect(checkIntervals([{ start: '10:00', end: '14:00' }, { start: '14:00', end: '19:00' }])).toBeNull();
    expect(checkIntervals([{ start: '10:00', end: '14:00' }, { start: '13:59', end: '19:00' }])).toBe(
      'validation.interval_overlap',
    );
    expect(checkIntervals([{ start: '19:00', end: '10:00' }])).toBe('validation.interval_order');
    expect(checkIntervals([{ start: '', end: '10:00' }])).toBe('validation.time_format');
  });

  it('round-trip the weekly list in weekday order', () => {
    const weekly = [
      { weekday: 3, start: '15:00', end: '19:00' },
      { weekday: 1, start: '10:00', end: '19:00' },
      { weekday: 3, start: '10:00', end: '14:00' },
    ];
    expect(weekToList(weekFromSchedule(weekly))).toEqual([
      { weekday: 1, start: '10:00', end: '19:00' },
      { weekday: 3, start: '10:00', end: '14:00' },
      { weekday: 3, start: '15:00', end: '19:00' },
    ]);
  });

  it('find the day a server error is about', () => {
    const sent = [
      { weekday: 1, start: '10:00', end: '19:00' },
      { weekday: 4, start: '10:00', end: '19:00' },
    ];
    expect(errorWeekday('weekly[1].end', sent)).toBe(4);
    expect(errorWeekday('/weekly/0/start', sent)).toBe(1);
    expect(errorWeekday('weekly(weekday 6)', sent)).toBe(6);
    expect(errorWeekday('weekly', sent)).toBeNull();
  });
});
