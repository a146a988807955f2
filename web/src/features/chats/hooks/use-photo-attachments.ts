import { useCallback, useRef, useState } from 'react';

/** Photos waiting in the send box at once, at most (the server allows 20 unfinished uploads). */
export const MAX_ATTACHMENTS = 10;

export type Attachment = { key: number; file: File };

/** The image files of a drop or a paste (one without a type may still be a photo: the upload checks). */
export function imageFiles(list: FileList | readonly File[] | null | undefined): File[] {
  return Array.from(list ?? []).filter((f) => f.type.startsWith('image/') || f.type === '' || /\.hei[cf]$/i.test(f.name));
}

/**
 * The photos picked, dropped or pasted into a conversation, each kept until it is sent,
 * cancelled or dismissed. Past MAX_ATTACHMENTS the rest are left out, and `skipped` says so.
 */
export function usePhotoAttachments() {
  const [items, setItems] = useState<Attachment[]>([]);
  const [skipped, setSkipped] = useState(0);
  const nextKey = useRef(1);
  const removers = useRef(new Map<number, () => void>());

  const add = (files: readonly File[]) => {
    if (files.length === 0) return;
    const room = Math.max(0, MAX_ATTACHMENTS - items.length);
    const taken = files.slice(0, room).map((file) => ({ key: nextKey.current++, file }));
    setSkipped(files.length - taken.length);
    if (taken.length > 0) setItems((current) => [...current, ...taken]);
  };

  /** The same function for the same key, as the upload's `onDone` must be. */
  const remover = useCallback((key: number) => {
    let remove = removers.current.get(key);
    if (!remove) {
      remove = () => {
        removers.current.delete(key);
        setItems((current) => current.filter((item) => item.key !== key));
      };
      removers.current.set(key, remove);
    }
    return remove;
  }, []);

  return { items, skipped, add, remover };
}

export type PhotoAttachments = ReturnType<typeof usePhotoAttachments>;
