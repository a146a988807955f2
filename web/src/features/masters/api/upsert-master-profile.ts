import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { invalidateMasterSearches, masterKeys } from '@/features/masters/api/keys';
import { invalidateSchedule } from '@/features/schedule/api/keys';
import { locationSchema, masterProfileSchema, type MasterProfile } from '@/types/api';

export const bookingRulesInputSchema = z.object({
  min_notice_min: z.number().int().min(0).max(10_080),
  horizon_days: z.number().int().min(1).max(365),
  slot_step_min: z.number().int().min(5).max(240),
  buffer_min: z.number().int().min(0).max(240),
  auto_confirm: z.boolean(),
  max_per_day: z.number().int().min(1).max(100).nullable(),
});
export type BookingRulesInput = z.infer<typeof bookingRulesInputSchema>;

export const DEFAULT_BOOKING_RULES: BookingRulesInput = {
  min_notice_min: 120,
  horizon_days: 60,
  slot_step_min: 15,
  buffer_min: 0,
  auto_confirm: false,
  max_per_day: null,
};

/** PUT /masters/me: the whole profile (201 the first time, 200 after). */
export const upsertMasterProfileInputSchema = z.object({
  display_name: z.string().trim().min(1).max(100),
  bio: z.string().max(2000).optional(),
  category_ids: z.array(z.string()).min(1).max(10),
  address: z.string().max(300),
  city: z.string().max(100),
  // Optional here so that an address alone reaches the server, which decides.
  location: locationSchema.optional(),
  timezone: z.string().min(1),
  booking_rules: bookingRulesInputSchema.optional(),
});
export type UpsertMasterProfileInput = z.infer<typeof upsertMasterProfileInputSchema>;

export function upsertMasterProfile(input: UpsertMasterProfileInput): Promise<MasterProfile> {
  return api.put('/masters/me', upsertMasterProfileInputSchema.parse(input), { schema: masterProfileSchema });
}

export function useUpsertMasterProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: upsertMasterProfile,
    onSuccess: (profile) => {
      queryClient.setQueryData(masterKeys.mine(), profile);
      queryClient.setQueryData(masterKeys.detail(profile.id), profile);
      invalidateMasterSearches(queryClient);
      // The schedule answer carries the timezone.
      invalidateSchedule(queryClient);
    },
  });
}
