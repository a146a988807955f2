import { useEffect, useRef, useState } from 'react';
import { blurhashDataUrl } from '@/lib/blurhash';
import { useI18n } from '@/lib/i18n';
import type { Media, MediaVariant, MediaVariants } from '@/types/api';

/** What a photo needs: a Media has all of it. */
export type PhotoSource = Pick<Media, 'variants' | 'placeholder' | 'width' | 'height'>;

type Fit = 'cover' | 'natural';

type PhotoProps = {
  photo: PhotoSource;
  /** Describes the picture; "" for a decorative one. */
  alt: string;
  /** How wide the photo is drawn, for the browser's choice from `srcset` (e.g. "(min-width: 640px) 200px, 33vw"). */
  sizes?: string;
  /**
   * cover: fills the parent's box (a square grid cell), cropping; the 160×160 thumb is a
   * candidate. natural: the photo's own aspect ratio, uncropped; only medium and large
   * (the thumb is a crop, so it may not stand in for the whole picture).
   */
  fit?: Fit;
  loading?: 'lazy' | 'eager';
  className?: string;
  /** The image has loaded (also when it came from the cache before React listened). */
  onLoad?: () => void;
  /** The image failed to load (a signed link may have expired: fetch a fresh one). */
  onError?: () => void;
};

function candidates(variants: MediaVariants, fit: Fit): MediaVariant[] {
  const list = fit === 'cover' ? [variants.thumb, variants.medium, variants.large] : [variants.medium, variants.large];
  // A small original has medium = large (never scaled up): one candidate per width.
  const seen = new Set<number>();
  return list.filter((v) => (seen.has(v.width) ? false : (seen.add(v.width), true)));
}

/** "url 160w, url 640w, …", with each variant's real width. */
export function photoSrcSet(variants: MediaVariants, fit: Fit, format: 'webp' | 'jpeg'): string {
  return candidates(variants, fit)
    .map((v) => `${format === 'webp' ? v.url : v.jpeg_url} ${v.width}w`)
    .join(', ');
}

function FailedPhoto({ alt, className }: { alt: string; className: string }) {
  const { t } = useI18n();
  return (
    <span className={`${className} photo--failed`} role="img" aria-label={alt || t('photo.unavailable')} data-testid="photo-failed">
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
        <path
          fill="currentColor"
          d="M21 5v11.2l-2-2V5H7.8l-2-2H19a2 2 0 0 1 2 2zM2.1 2.1 .7 3.5 3 5.8V19a2 2 0 0 0 2 2h13.2l2.3 2.3 1.4-1.4L2.1 2.1zM5 19V7.8l4.6 4.6L7 16h8.2l1 1 2 2H5z"
        />
      </svg>
      <span aria-hidden="true">{t('photo.unavailable')}</span>
    </span>
  );
}

/**
 * A processed photo: WebP with a JPEG fallback, a `srcset` of the server's variants, lazy
 * loading, width/height against layout shift, and the BlurHash painted until the image has
 * loaded. A photo without variants (still processing) shows only its placeholder; one that
 * fails to load shows a quiet "unavailable" tile until other variants (new URLs) arrive.
 */
export function Photo({ photo, alt, sizes = '100vw', fit = 'cover', loading = 'lazy', className, onLoad, onError }: PhotoProps) {
  const { variants } = photo;
  const [state, setState] = useState<'loading' | 'loaded' | 'error'>('loading');
  const imgRef = useRef<HTMLImageElement>(null);
  const onLoadRef = useRef(onLoad);
  onLoadRef.current = onLoad;
  const key = variants?.medium.url ?? '';
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    // Another photo in the same place: start over.
    setShownKey(key);
    setState('loading');
  }

  useEffect(() => {
    // Already in the cache: the load event may have fired before React listened.
    const img = imgRef.current;
    if (img?.complete && img.naturalWidth > 0) {
      setState('loaded');
      onLoadRef.current?.();
    }
  }, [key]);

  const classes = ['photo', `photo--${fit}`, className].filter(Boolean).join(' ');
  if (state === 'error' || (!variants && !photo.placeholder)) return <FailedPhoto alt={alt} className={classes} />;

  // The aspect ratio of what is drawn, so the box has its size before a byte arrives.
  const shape = fit === 'natural' ? (variants?.medium ?? null) : (variants?.thumb ?? null);
  const ratioW = shape?.width ?? photo.width;
  const ratioH = shape?.height ?? photo.height;
  const placeholder = photo.placeholder ? blurhashDataUrl(photo.placeholder, photo.width, photo.height) : null;
  const style = {
    ...(fit === 'natural' && ratioW && ratioH ? { aspectRatio: `${ratioW} / ${ratioH}` } : {}),
    ...(state !== 'loaded' && placeholder ? { backgroundImage: `url("${placeholder}")` } : {}),
  };

  if (!variants) {
    return <span className={classes} style={style} role="img" aria-label={alt} data-testid="photo" data-state="loading" />;
  }
  const fallback = fit === 'natural' ? variants.medium : variants.thumb;
  return (
    <span className={classes} style={style} data-testid="photo" data-state={state}>
      <picture>
        <source type="image/webp" srcSet={photoSrcSet(variants, fit, 'webp')} sizes={sizes} />
        <img
          ref={imgRef}
          className="photo__img"
          src={fallback.jpeg_url}
          srcSet={photoSrcSet(variants, fit, 'jpeg')}
          sizes={sizes}
          width={fallback.width}
          height={fallback.height}
          alt={alt}
          loading={loading}
          decoding="async"
          onLoad={() => {
            setState('loaded');
            onLoad?.();
          }}
          onError={() => {
            setState('error');
            onError?.();
          }}
        />
      </picture>
    </span>
  );
}
