import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateInZone,
  formatDistance,
  formatDuration,
  formatMoney,
  formatRelativeTime,
  isoWeekday,
  moneyInputValue,
  parseMoneyInput,
} from '@/lib/format';

// Intl separates groups with (narrow) no-break spaces; compare with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format', () => {
  it('formats minor units as roubles', () => {
    expect(plain(formatMoney(150_000, 'RUB', 'ru'))).toBe('1 500 ₽');
    expect(plain(formatMoney(150_050, 'RUB', 'ru'))).toBe('1 500,50 ₽');
    expect(plain(formatMoney(0, 'RUB', 'ru'))).toBe('0 ₽');
    expect(plain(formatMoney(150_000, 'RUB', 'en'))).toBe('₽1,500');
  });

  it('parses rouble input into minor units', () => {
    expect(parseMoneyInput('1500')).toBe(150_000);
    expect(parseMoneyInput('1 500,5')).toBe(150_050);
    expect(parseMoneyInput('1500.05')).toBe(150_005);
    expect(parseMoneyInput('0')).toBe(0);
    expect(parseMoneyInput('15.005')).toBeNull();
    expect(parseMoneyInput('abc')).toBeNull();
    expect(parseMoneyInput('-5')).toBeNull();
    expect(moneyInputValue(150_050, 'RUB', 'ru')).toBe('1500,5');
    expect(moneyInputValue(150_000, 'RUB', 'en')).toBe('1500');
  });

  it('formats durations and distances in both languages', () => {
    expect(formatDuration(90, 'ru')).toBe('1 ч 30 мин');
    expect(formatDuration(90, 'en')).toBe('1 h 30 min');
    expect(formatDuration(45, 'ru')).toBe('45 мин');
    expect(formatDuration(120, 'ru')).toBe('2 ч');
    expect(formatDistance(347, 'ru')).toBe('350 м');
    expect(formatDistance(1234, 'ru')).toBe('1,2 км');
    expect(formatDistance(15_300, 'en')).toBe('15 km');
  });

  it('does day arithmetic in a zone, not in the browser', () => {
    // 22:30 UTC is already the next day in Moscow.
    expect(dateInZone(new Date('2025-03-29T22:30:00Z'), 'Europe/Moscow')).toBe('2025-03-30');
    expect(dateInZone(new Date('2025-03-29T22:30:00Z'), 'UTC')).toBe('2025-03-29');
    expect(addDays('2025-03-31', 1)).toBe('2025-04-01');
    expect(addDays('2025-03-28', -28)).toBe('2025-02-28');
    expect(isoWeekday('2025-03-30')).toBe(7);
    expect(isoWeekday('2025-03-31')).toBe(1);
  });

  it('says how long ago something was, then the date after a week', () => {
    // A fixed past `now`: the function takes it, so the test does not depend on today.
    const now = new Date('2024-03-24T12:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    expect(formatRelativeTime(ago(20_000), 'ru', now)).toBe('только что');
    expect(formatRelativeTime(ago(5 * 60_000), 'ru', now)).toBe('5 минут назад');
    expect(formatRelativeTime(ago(5 * 60_000), 'en', now)).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3_600_000), 'ru', now)).toBe('3 часа назад');
    expect(formatRelativeTime(ago(26 * 3_600_000), 'ru', now)).toBe('вчера');
    expect(formatRelativeTime(ago(3 * 86_400_000), 'en', now)).toBe('3 days ago');
    expect(formatRelativeTime('2024-03-01T12:00:00Z', 'ru', now)).toBe('1 марта');
    expect(formatRelativeTime('2023-12-30T12:00:00Z', 'en', now)).toBe('30 December 2023');
    // A clock a little behind the server's is not "in 1 minute".
    expect(formatRelativeTime(ago(-30_000), 'ru', now)).toBe('только что');
  });
});
