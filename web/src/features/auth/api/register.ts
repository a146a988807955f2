import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { startSession } from '@/lib/auth';
import { utf8Length } from '@/lib/form';
import { personNameSchema } from '@/lib/validation';
import { authResponseSchema, type AuthResponse } from '@/types/api';

// Messages are i18n keys (see lib/form.ts). Limits mirror the server: password 8–72 bytes
// (bcrypt ignores the rest), name 1–100 characters.
export const passwordSchema = z
  .string()
  .refine((v) => v.length > 0, 'validation.required')
  .refine((v) => v.length === 0 || utf8Length(v) >= 8, 'validation.password_short')
  .refine((v) => utf8Length(v) <= 72, 'validation.password_long');

export const registerInputSchema = z.object({
  email: z.string().trim().min(1, 'validation.required').email('validation.email'),
  password: passwordSchema,
  name: personNameSchema,
  role: z.enum(['client', 'master']),
});
export type RegisterInput = z.infer<typeof registerInputSchema>;

export function register(input: RegisterInput): Promise<AuthResponse> {
  return api.post('/auth/register', input, { schema: authResponseSchema, auth: false });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (res) => startSession(queryClient, res),
  });
}
