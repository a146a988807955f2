import { z } from 'zod';
import {
  DEFAULT_BOOKING_RULES,
  type UpsertMasterProfileInput,
} from '@/features/masters/api/upsert-master-profile';
import { browserTimeZone } from '@/lib/format';
import type { MasterProfile } from '@/types/api';

/** What the master profile form holds: raw strings from the inputs. */
export type MasterProfileFormValues = {
  display_name: string;
  bio: string;
  category_ids: string[];
  city: string;
  address: string;
  lat: string;
  lon: string;
  timezone: string;
  min_notice_min: string;
  horizon_days: string;
  slot_step_min: string;
  buffer_min: string;
  auto_confirm: boolean;
  max_per_day: string;
};

export type MasterProfileField = keyof MasterProfileFormValues;

/** Server paths → inputs. */
export const MASTER_PROFILE_ALIASES: Partial<Record<string, MasterProfileField>> = {
  'location.lat': 'lat',
  'location.lon': 'lon',
  location: 'lat',
  categories: 'category_ids',
  'booking_rules.min_notice_min': 'min_notice_min',
  'booking_rules.horizon_days': 'horizon_days',
  'booking_rules.slot_step_min': 'slot_step_min',
  'booking_rules.buffer_min': 'buffer_min',
  'booking_rules.auto_confirm': 'auto_confirm',
  'booking_rules.max_per_day': 'max_per_day',
  booking_rules: 'min_notice_min',
};

/** A zone of the user's own device, unless it is UTC (a server or a fresh VM): then Moscow. */
export function defaultTimeZone(): string {
  const zone = browserTimeZone();
  return zone === 'UTC' || zone.startsWith('Etc/') ? 'Europe/Moscow' : zone;
}

export function toMasterFormValues(profile: MasterProfile | null, fallbackName: string): MasterProfileFormValues {
  const rules = profile?.booking_rules ?? DEFAULT_BOOKING_RULES;
  return {
    display_name: profile?.display_name ?? fallbackName,
    bio: profile?.bio ?? '',
    category_ids: profile?.categories.map((c) => c.id) ?? [],
    city: profile?.city ?? '',
    address: profile?.address ?? '',
    lat: profile?.location ? String(profile.location.lat) : '',
    lon: profile?.location ? String(profile.location.lon) : '',
    timezone: profile?.timezone ?? defaultTimeZone(),
    min_notice_min: String(rules.min_notice_min),
    horizon_days: String(rules.horizon_days),
    slot_step_min: String(rules.slot_step_min),
    buffer_min: String(rules.buffer_min),
    auto_confirm: rules.auto_confirm,
    max_per_day: rules.max_per_day === null ? '' : String(rules.max_per_day),
  };
}

const parseNumber = (raw: string) => Number(raw.trim().replace(',', '.'));
const isNumeric = (raw: string) => raw.trim() !== '' && Number.isFinite(parseNumber(raw));
const length = (v: string) => Array.from(v).length;

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, field: MasterProfileField, message: string) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });

function checkInt(
  ctx: Ctx,
  v: MasterProfileFormValues,
  field: MasterProfileField,
  min: number,
  max: number,
  message: string,
) {
  const raw = v[field] as string;
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) issue(ctx, field, message);
}

// Messages are i18n keys (see lib/form.ts).
export const masterProfileFormSchema = z
  .custom<MasterProfileFormValues>()
  .superRefine((v, ctx) => {
    const name = v.display_name.trim();
    if (length(name) < 1 || length(name) > 100) issue(ctx, 'display_name', 'validation.name_length');
    if (length(v.bio) > 2000) issue(ctx, 'bio', 'validation.bio_length');
    if (v.category_ids.length < 1) issue(ctx, 'category_ids', 'validation.categories_min');
    if (v.category_ids.length > 10) issue(ctx, 'category_ids', 'validation.categories_max');
    if (length(v.city.trim()) > 100) issue(ctx, 'city', 'validation.city_length');
    if (length(v.address.trim()) > 300) issue(ctx, 'address', 'validation.address_length');
    if (!v.timezone) issue(ctx, 'timezone', 'validation.required');

    const hasLat = v.lat.trim() !== '';
    const hasLon = v.lon.trim() !== '';
    if (!hasLat && !hasLon && v.address.trim() === '') issue(ctx, 'lat', 'validation.location_or_address');
    else if (hasLat !== hasLon) issue(ctx, hasLat ? 'lon' : 'lat', 'validation.location_pair');
    if (hasLat) {
      if (!isNumeric(v.lat)) issue(ctx, 'lat', 'validation.number');
      else if (Math.abs(parseNumber(v.lat)) > 90) issue(ctx, 'lat', 'validation.lat_range');
    }
    if (hasLon) {
      if (!isNumeric(v.lon)) issue(ctx, 'lon', 'validation.number');
      else if (Math.abs(parseNumber(v.lon)) > 180) issue(ctx, 'lon', 'validation.lon_range');
    }

    checkInt(ctx, v, 'min_notice_min', 0, 10_080, 'validation.min_notice_range');
    checkInt(ctx, v, 'horizon_days', 1, 365, 'validation.horizon_range');
    checkInt(ctx, v, 'slot_step_min', 5, 240, 'validation.slot_step_range');
    checkInt(ctx, v, 'buffer_min', 0, 240, 'validation.buffer_range');
    if (v.max_per_day.trim() !== '') checkInt(ctx, v, 'max_per_day', 1, 100, 'validation.max_per_day_range');
  });

export function buildMasterProfileInput(v: MasterProfileFormValues): UpsertMasterProfileInput {
  const input: UpsertMasterProfileInput = {
    display_name: v.display_name.trim(),
    bio: v.bio.trim(),
    category_ids: v.category_ids,
    address: v.address.trim(),
    city: v.city.trim(),
    timezone: v.timezone,
    booking_rules: {
      min_notice_min: Number(v.min_notice_min.trim()),
      horizon_days: Number(v.horizon_days.trim()),
      slot_step_min: Number(v.slot_step_min.trim()),
      buffer_min: Number(v.buffer_min.trim()),
      auto_confirm: v.auto_confirm,
      max_per_day: v.max_per_day.trim() === '' ? null : Number(v.max_per_day.trim()),
    },
  };
  if (v.lat.trim() !== '' && v.lon.trim() !== '') {
    input.location = { lat: parseNumber(v.lat), lon: parseNumber(v.lon) };
  }
  return input;
}
