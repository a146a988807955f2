import { z } from 'zod';
import type { UpdateProfileInput } from '@/features/profile/api/update-profile';
import { personNameSchema } from '@/lib/validation';
import type { User } from '@/types/api';

/** What the edit form holds: raw input strings, plus the picked category ids. */
export type ProfileFormValues = {
  name: string;
  city: string;
  lat: string;
  lon: string;
  interests: string[];
};

export function toFormValues(user: User): ProfileFormValues {
  return {
    name: user.name,
    city: user.city ?? '',
    lat: user.location ? String(user.location.lat) : '',
    lon: user.location ? String(user.location.lon) : '',
    interests: [...user.interests],
  };
}

// Russian keyboards type a decimal comma.
const parseNumber = (raw: string) => Number(raw.trim().replace(',', '.'));
const isNumeric = (raw: string) => raw.trim() !== '' && Number.isFinite(parseNumber(raw));

// Messages are i18n keys (see lib/form.ts).
export const profileFormSchema = z
  .object({
    name: personNameSchema,
    city: z
      .string()
      .trim()
      .refine((v) => Array.from(v).length <= 100, 'validation.city_length'),
    lat: z.string(),
    lon: z.string(),
    interests: z.array(z.string()).max(50, 'validation.interests_max'),
  })
  .superRefine((v, ctx) => {
    const hasLat = v.lat.trim() !== '';
    const hasLon = v.lon.trim() !== '';
    if (hasLat !== hasLon) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [hasLat ? 'lon' : 'lat'], message: 'validation.location_pair' });
    }
    if (hasLat) {
      if (!isNumeric(v.lat)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['lat'], message: 'validation.number' });
      else if (Math.abs(parseNumber(v.lat)) > 90)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['lat'], message: 'validation.lat_range' });
    }
    if (hasLon) {
      if (!isNumeric(v.lon)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['lon'], message: 'validation.number' });
      else if (Math.abs(parseNumber(v.lon)) > 180)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['lon'], message: 'validation.lon_range' });
    }
  });

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}

/** Only what changed goes into the PATCH, so two tabs editing different fields don't clash. */
export function buildProfilePatch(values: z.output<typeof profileFormSchema>, user: User): UpdateProfileInput {
  const patch: UpdateProfileInput = {};
  if (values.name !== user.name) patch.name = values.name;

  const city = values.city === '' ? null : values.city;
  if (city !== user.city) patch.city = city;

  const location = values.lat.trim() === '' ? null : { lat: parseNumber(values.lat), lon: parseNumber(values.lon) };
  const locationChanged =
    location === null || user.location === null
      ? location !== user.location
      : location.lat !== user.location.lat || location.lon !== user.location.lon;
  if (locationChanged) patch.location = location;

  if (!sameSet(values.interests, user.interests)) patch.interests = values.interests;
  return patch;
}
