import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { meQueryKey } from '@/lib/auth';
import { locationSchema, userSchema, type User } from '@/types/api';
import { invalidateProfile } from '@/features/social/api/keys';

/** PATCH /users/me: every field optional; null clears city and location. */
export const updateProfileInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    city: z.string().trim().min(1).nullable(),
    location: locationSchema.nullable(),
    interests: z.array(z.string()),
  })
  .partial();
export type UpdateProfileInput = z.infer<typeof updateProfileInputSchema>;

export function updateProfile(input: UpdateProfileInput): Promise<User> {
  return api.patch('/users/me', updateProfileInputSchema.parse(input), { schema: userSchema });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (user) => {
      queryClient.setQueryData(meQueryKey, user);
      // My page as others see it shows the new name, city or photo.
      invalidateProfile(queryClient, user.id);
    },
  });
}
