import { useRef, useState, type CSSProperties } from 'react';
import { Photo } from '@/components/ui/photo';
import { PhotoViewer } from '@/components/ui/photo-viewer';
import { useI18n } from '@/lib/i18n';
import type { Media } from '@/types/api';
import '@/features/chats/styles/chats.css';

type Props = {
  media: Media;
  /** Who sent it, for the descriptions ("Photo from Anna"). */
  author: string;
  /**
   * The photo did not load: its signed links may have expired (they live 15 minutes). Asked
   * once until something loads again, so a photo that stays broken does not refetch forever.
   */
  onLoadFailed?: () => void;
};

/**
 * A photo in a bubble: its own shape, the BlurHash while it loads, medium and large in the
 * srcset (WebP, JPEG fallback). A click opens it full screen (large); Esc closes.
 */
export function MessagePhoto({ media, author, onLoadFailed }: Props) {
  const { t } = useI18n();
  const alt = t('chats.photo_alt', { name: author });
  const [open, setOpen] = useState(false);
  // The copy whose image is on screen. A refetch brings the same photo with newly signed URLs;
  // swapping those in would download it again for nothing, so they wait until this one fails.
  const [loaded, setLoaded] = useState<Media | null>(null);
  const shown = loaded && loaded.id === media.id ? loaded : media;
  const asked = useRef(false);

  const onLoad = (copy: Media) => {
    asked.current = false;
    setLoaded(copy);
  };
  const askForFreshLinks = () => {
    if (asked.current) return;
    asked.current = true;
    onLoadFailed?.();
  };
  const onError = () => {
    // Fresher links are already here: try those before asking for more.
    if (shown !== media) setLoaded(null);
    else askForFreshLinks();
  };

  // Wide photos take the bubble's width; tall ones are narrower, so none is taller than ~360 px.
  const ratio = media.width && media.height ? media.width / media.height : null;
  const style = ratio ? ({ '--photo-ratio': ratio } as CSSProperties) : undefined;
  return (
    <>
      <button
        type="button"
        className="msg__photo"
        style={style}
        onClick={() => setOpen(true)}
        aria-label={t('chats.photo_open', { name: author })}
        data-testid="message-photo"
      >
        <Photo
          photo={shown}
          alt={alt}
          fit="natural"
          sizes="(min-width: 640px) 320px, 66vw"
          onLoad={() => onLoad(shown)}
          onError={onError}
        />
      </button>
      {open && (
        <PhotoViewer
          items={[{ id: media.id, photo: media, alt }]}
          index={0}
          onClose={() => setOpen(false)}
          label={alt}
          onPhotoError={askForFreshLinks}
        />
      )}
    </>
  );
}

/** Where a photo was: deleted by its owner, or not there for another reason. */
export function PhotoGone({ deleted }: { deleted: boolean }) {
  const { t } = useI18n();
  return (
    <p className="msg__photo-gone" data-testid={deleted ? 'photo-deleted' : 'photo-unavailable'}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path
          fill="currentColor"
          d="M21 5v11.2l-2-2V5H7.8l-2-2H19a2 2 0 0 1 2 2zM2.1 2.1 .7 3.5 3 5.8V19a2 2 0 0 0 2 2h13.2l2.3 2.3 1.4-1.4L2.1 2.1zM5 19V7.8l4.6 4.6L7 16h8.2l1 1 2 2H5z"
        />
      </svg>
      <span>{deleted ? t('chats.photo_deleted') : t('photo.unavailable')}</span>
    </p>
  );
}
