import { z } from 'zod';

// Shapes shared by several features. Each endpoint file owns its own input schema;
// these are the resources that more than one feature reads.

export const roleSchema = z.enum(['client', 'master', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type GeoLocation = z.infer<typeof locationSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  avatar_url: z.string().nullable(),
  city: z.string().nullable(),
  location: locationSchema.nullable(),
  interests: z.array(z.string()),
  created_at: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const authResponseSchema = z.object({
  user: userSchema,
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().positive(),
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const problemSchema = z
  .object({
    type: z.string().optional(),
    title: z.string().optional(),
    status: z.number().optional(),
    detail: z.string().optional(),
    code: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .passthrough();
export type ProblemDocument = z.infer<typeof problemSchema>;
