import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { meQueryKey } from '@/lib/auth';
import { userSchema, type User } from '@/types/api';
import { invalidateProfile } from '@/features/social/api/keys';

// Coming on the server: PATCH /users/me {avatar_media_id}, answering the user with
// `avatar_url` (the thumb) and `avatar` (every variant), or null for both after a removal.

/** A ready photo uploaded with purpose "avatar", or null to remove the avatar. */
export const updateAvatarInputSchema = z.object({ avatar_media_id: z.string().uuid().nullable() });
export type UpdateAvatarInput = z.infer<typeof updateAvatarInputSchema>;

export function updateAvatar(mediaId: string | null): Promise<User> {
  return api.patch('/users/me', updateAvatarInputSchema.parse({ avatar_media_id: mediaId }), { schema: userSchema });
}

export function useUpdateAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAvatar,
    onSuccess: (user) => {
      queryClient.setQueryData(meQueryKey, user);
      // My page as others see it shows the new name, city or photo.
      invalidateProfile(queryClient, user.id);
    },
  });
}
