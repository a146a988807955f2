import { z } from 'zod';
import { api } from '@/lib/api-client';
import { watermarksSchema, type Watermarks } from '@/features/chats/types/chat';

export const watermarkInputSchema = z.object({ up_to_seq: z.number().int().nonnegative() });
export type WatermarkInput = z.infer<typeof watermarkInputSchema>;

/** REST fallbacks of `message:read` / `message:delivered`, used while the socket is down. */
export function postRead(chatId: string, input: WatermarkInput): Promise<Watermarks> {
  return api.post(`/chats/${encodeURIComponent(chatId)}/read`, input, { schema: watermarksSchema });
}

export function postDelivered(chatId: string, input: WatermarkInput): Promise<Watermarks> {
  return api.post(`/chats/${encodeURIComponent(chatId)}/delivered`, input, { schema: watermarksSchema });
}
