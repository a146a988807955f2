import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { startSession } from '@/lib/auth';
import { authResponseSchema, type AuthResponse } from '@/types/api';

export const loginInputSchema = z.object({
  email: z.string().trim().min(1, 'validation.required').email('validation.email'),
  // Only presence is checked: the server owns the rules for existing passwords.
  password: z.string().min(1, 'validation.required'),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export function login(input: LoginInput): Promise<AuthResponse> {
  return api.post('/auth/login', input, { schema: authResponseSchema, auth: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (res) => startSession(queryClient, res),
  });
}
