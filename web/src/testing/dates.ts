// Calendar dates for tests, computed from the real today, so that the suite means the same
// on any day of any year: no test or fixture holds a date that has to be in the future.

const DAY_MS = 86_400_000;
// Moscow (the zone of the seeded masters) has kept UTC+3 all year since 2014.
const MOSCOW_OFFSET_MS = 3 * 3_600_000;

// Read once, when a test file loads, before any test freezes the clock.
const realNow = Date.now();

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayStartMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** "YYYY-MM-DD" (UTC) `n` days from the real today; negative for the past. */
export function daysFromToday(n: number): string {
  return dayOf(realNow + n * DAY_MS);
}

/** Adds `n` days to a "YYYY-MM-DD" date. */
export function addDaysTo(day: string, n: number): string {
  return dayOf(dayStartMs(day) + n * DAY_MS);
}

/**
 * The day tests freeze the clock on (freezeDate(TEST_NOW)): the Wednesday of next week. A
 * Wednesday, so that the Mon–Fri schedule of the recorded slot answers has working days
 * before and after it and a weekend three days on.
 */
export const TEST_TODAY: string = (() => {
  const today = dayStartMs(daysFromToday(0));
  const isoWeekday = new Date(today).getUTCDay() || 7; // 1 = Monday … 7 = Sunday
  return dayOf(today + (7 - isoWeekday + 3) * DAY_MS);
})();

/** The calendar day `n` days after TEST_TODAY ("YYYY-MM-DD"). */
export function testDay(n: number): string {
  return addDaysTo(TEST_TODAY, n);
}

/** The instant `moscowTime` ("HH:MM") on testDay(n) in Moscow, as the API writes it ("…Z"). */
export function testInstant(n: number, moscowTime: string): string {
  const [h, m] = moscowTime.split(':').map(Number) as [number, number];
  const ms = dayStartMs(testDay(n)) + (h * 60 + m) * 60_000 - MOSCOW_OFFSET_MS;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** 12:00 in Moscow on TEST_TODAY: the "now" of tests that freeze the clock. */
export const TEST_NOW: string = testInstant(0, '12:00');

/** How the Russian UI writes a day: "30 марта 2025", or "30 марта" with { year: false }. */
export function ruDate(day: string, { year = true } = {}): string {
  return new Intl.DateTimeFormat('ru-RU', {
    day: 'numeric',
    month: 'long',
    ...(year ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  })
    .formatToParts(new Date(dayStartMs(day)))
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.value)
    .join(' ');
}
