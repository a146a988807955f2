import { normalizeFieldPath } from '@/lib/problem';
import type { Interval, WeeklyInterval } from '@/features/schedule/api/get-schedule';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type WeekDraft = Record<Weekday, Interval[]>;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const isTime = (v: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

export function emptyWeek(): WeekDraft {
  return { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
}

export function weekFromSchedule(weekly: readonly WeeklyInterval[]): WeekDraft {
  const week = emptyWeek();
  for (const i of weekly) {
    if (i.weekday >= 1 && i.weekday <= 7) week[i.weekday as Weekday].push({ start: i.start, end: i.end });
  }
  for (const d of WEEKDAYS) week[d].sort((a, b) => a.start.localeCompare(b.start));
  return week;
}

/** The request body order; index n of `weekly` in a 422 refers to this list. */
export function weekToList(week: WeekDraft): WeeklyInterval[] {
  return WEEKDAYS.flatMap((weekday) => week[weekday].map((i) => ({ weekday, start: i.start, end: i.end })));
}

export type IntervalsIssue = 'validation.time_format' | 'validation.interval_order' | 'validation.interval_overlap';

/** First problem with one day's intervals: bad time, start ≥ end, or overlap. */
export function checkIntervals(intervals: readonly Interval[]): IntervalsIssue | null {
  for (const i of intervals) {
    if (!isTime(i.start) || !isTime(i.end)) return 'validation.time_format';
    if (minutes(i.start) >= minutes(i.end)) return 'validation.interval_order';
  }
  const sorted = [...intervals].sort((a, b) => minutes(a.start) - minutes(b.start));
  for (let k = 1; k < sorted.length; k += 1) {
    if (minutes(sorted[k]!.start) < minutes(sorted[k - 1]!.end)) return 'validation.interval_overlap';
  }
  return null;
}

/** A sensible next interval: an hour after the last one ends, or a working day. */
export function nextInterval(intervals: readonly Interval[]): Interval {
  const last = intervals[intervals.length - 1];
  if (!last || !isTime(last.end)) return { start: '10:00', end: '19:00' };
  const start = Math.min(minutes(last.end) + 60, 23 * 60);
  const end = Math.min(start + 120, 23 * 60 + 59);
  const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { start: fmt(start), end: fmt(end) };
}

/** The weekday a server error is about: `weekly[n]…` indexes the list we sent, `weekly(weekday d)` names it. */
export function errorWeekday(field: string, sent: readonly WeeklyInterval[]): Weekday | null {
  const byDay = /^weekly\s*\(\s*weekday\s*(\d)\s*\)/.exec(field);
  if (byDay) {
    const day = Number(byDay[1]);
    return day >= 1 && day <= 7 ? (day as Weekday) : null;
  }
  const byIndex = /^weekly\.(\d+)/.exec(normalizeFieldPath(field));
  const interval = byIndex ? sent[Number(byIndex[1])] : undefined;
  return interval ? (interval.weekday as Weekday) : null;
}
