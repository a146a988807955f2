import { z } from 'zod';
import {
  clockTimeSchema,
  PUSH_ONLY_TYPES,
  type ChannelPrefs,
  type Preferences,
} from '@/features/notifications/types/notification';

/** What the settings form holds. */
export type PreferencesFormValues = {
  types: Record<string, ChannelPrefs>;
  quiet_enabled: boolean;
  quiet_from: string;
  quiet_to: string;
  timezone: string;
  grouping: boolean;
};

const DEFAULT_QUIET = { from: '22:00', to: '08:00' };

export function toPreferencesFormValues(prefs: Preferences): PreferencesFormValues {
  return {
    types: prefs.types,
    quiet_enabled: prefs.quiet_hours !== null,
    quiet_from: prefs.quiet_hours?.from ?? DEFAULT_QUIET.from,
    quiet_to: prefs.quiet_hours?.to ?? DEFAULT_QUIET.to,
    timezone: prefs.timezone,
    grouping: prefs.grouping,
  };
}

/** Checks the form and turns it into the PUT body; messages are i18n keys. */
export const preferencesFormSchema = z
  .object({
    types: z.record(z.string(), z.object({ in_app: z.boolean(), push: z.boolean() })),
    quiet_enabled: z.boolean(),
    quiet_from: z.string(),
    quiet_to: z.string(),
    timezone: z.string().trim().min(1, 'validation.required'),
    grouping: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (!v.quiet_enabled) return;
    for (const field of ['quiet_from', 'quiet_to'] as const) {
      if (!clockTimeSchema.safeParse(v[field]).success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: 'validation.time_format' });
      }
    }
  })
  .transform(
    (v): Preferences => ({
      // A push-only type is never on in the app, whatever was stored.
      types: Object.fromEntries(
        Object.entries(v.types).map(([type, prefs]) => [type, PUSH_ONLY_TYPES.has(type) ? { ...prefs, in_app: false } : prefs]),
      ),
      quiet_hours: v.quiet_enabled ? { from: v.quiet_from, to: v.quiet_to } : null,
      timezone: v.timezone,
      grouping: v.grouping,
    }),
  );

/** Server paths (problem+json `errors[].field`) that belong to a form field. */
export const PREFERENCES_ALIASES: Partial<Record<string, keyof PreferencesFormValues>> = {
  'quiet_hours.from': 'quiet_from',
  'quiet_hours.to': 'quiet_to',
  quiet_hours: 'quiet_from',
};
