import { api } from '@/lib/api-client';

/** DELETE /media/{id} (owner only): frees an abandoned upload's slot among the 20 pending ones. */
export function deleteMedia(id: string): Promise<void> {
  return api.delete(`/media/${encodeURIComponent(id)}`);
}
