import { z } from 'zod';
import { api } from '@/lib/api-client';
import { userSchema, type User } from '@/types/api';

/** PATCH /users/me {locale}: the language of the server's notification texts and pushes. */
export const updateLocaleInputSchema = z.object({ locale: z.enum(['ru', 'en']) }).strict();
export type UpdateLocaleInput = z.infer<typeof updateLocaleInputSchema>;

export function updateLocale(input: UpdateLocaleInput): Promise<User> {
  return api.patch('/users/me', updateLocaleInputSchema.parse(input), { schema: userSchema });
}
