import type { ComponentType } from 'react';
import type { Media } from '@/types/api';

/** The photo types the send box offers; the upload checks every file again, whatever its way in. */
export const CHAT_PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif';

export type ChatPhotoUploadProps = {
  file: File;
  /** The photo is uploaded and ready: send it. */
  onUploaded: (media: Media) => unknown;
  /** Sent, cancelled or dismissed: out of the send box. Keeps its identity across renders. */
  onDone: () => void;
};

/**
 * One picked photo in the send box: its preview and its upload (progress, cancel, retry and
 * why it failed). Chats does not upload by itself: app/ passes features/media's upload in.
 */
export type ChatPhotoUpload = ComponentType<ChatPhotoUploadProps>;
