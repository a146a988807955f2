import { api } from '@/lib/api-client';
import { mediaSchema, type Media } from '@/types/api';

export function getMedia(id: string, signal?: AbortSignal): Promise<Media> {
  return api.get(`/media/${encodeURIComponent(id)}`, { schema: mediaSchema, signal });
}
