import { z } from 'zod';
import { api } from '@/lib/api-client';
import { mediaPurposeSchema, mediaSchema } from '@/types/api';

/** POST /media/uploads: what is about to be sent (the server reads the real type from the bytes). */
export const createUploadInputSchema = z.object({
  purpose: mediaPurposeSchema,
  content_type: z.string().min(1),
  size_bytes: z.number().int().positive(),
});
export type CreateUploadInput = z.infer<typeof createUploadInputSchema>;

/** Where and how to PUT the bytes: an absolute signed URL, with exactly these headers. */
export const uploadTicketSchema = z.object({
  media: mediaSchema,
  upload: z.object({
    method: z.literal('PUT'),
    url: z.string().url(),
    headers: z.record(z.string()),
    expires_at: z.string(),
  }),
});
export type UploadTicket = z.infer<typeof uploadTicketSchema>;

export function createUpload(input: CreateUploadInput, signal?: AbortSignal): Promise<UploadTicket> {
  return api.post('/media/uploads', createUploadInputSchema.parse(input), { schema: uploadTicketSchema, signal });
}
