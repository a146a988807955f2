import { api } from '@/lib/api-client';
import { mediaSchema, type Media } from '@/types/api';

/** POST /media/{id}/complete: 202 with the media `processing`, or 200 when it is already settled. */
export function completeUpload(id: string, signal?: AbortSignal): Promise<Media> {
  return api.post(`/media/${encodeURIComponent(id)}/complete`, undefined, { schema: mediaSchema, signal });
}
