import { useRef, useState, type KeyboardEvent } from 'react';
import { Photo } from '@/components/ui/photo';
import { useI18n } from '@/lib/i18n';
import type { PostMedia } from '@/types/api';
import '@/features/posts/styles/posts.css';

/** Portrait 4:5 to landscape 1.91:1, like the photo apps people know. */
const MIN_RATIO = 4 / 5;
const MAX_RATIO = 1.91;

function boxRatio(first: PostMedia | undefined): number {
  const w = first?.variants?.medium.width ?? first?.width;
  const h = first?.variants?.medium.height ?? first?.height;
  if (!w || !h) return 1;
  return Math.min(MAX_RATIO, Math.max(MIN_RATIO, w / h));
}

/**
 * A post's photos: swipe (the track scrolls and snaps), the arrows, the dots or ← → on the
 * focused track. Each photo paints its BlurHash until it has loaded; the box takes the first
 * photo's shape, so the card does not jump.
 */
export function PhotoCarousel({ media, alt }: { media: readonly PostMedia[]; alt: string }) {
  const { t } = useI18n();
  const track = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const count = media.length;
  if (count === 0) return null;
  const current = Math.min(index, count - 1);

  const go = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to));
    setIndex(next);
    const el = track.current;
    if (el && el.clientWidth > 0) el.scrollTo?.({ left: next * el.clientWidth, behavior: 'smooth' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (count < 2) return;
    if (event.key === 'ArrowRight') {
      event.preventDefault();
      go(current + 1);
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      go(current - 1);
    }
  };

  return (
    <div
      className="carousel"
      role="region"
      aria-roledescription={t('posts.carousel')}
      aria-label={alt}
      data-testid="post-carousel"
      style={{ aspectRatio: String(boxRatio(media[0])) }}
    >
      <div
        ref={track}
        className="carousel__track"
        tabIndex={count > 1 ? 0 : -1}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          const el = event.currentTarget;
          if (el.clientWidth > 0) setIndex(Math.round(el.scrollLeft / el.clientWidth));
        }}
      >
        {media.map((item, i) => (
          <div
            key={item.id}
            className="carousel__slide"
            role="group"
            aria-roledescription={t('posts.slide')}
            aria-label={t('posts.photo_n_of', { n: i + 1, total: count })}
            aria-hidden={i !== current}
            data-testid="carousel-slide"
          >
            <Photo photo={item} alt={count > 1 ? `${alt} (${i + 1}/${count})` : alt} sizes="(min-width: 640px) 640px, 100vw" loading={i === 0 ? 'eager' : 'lazy'} />
          </div>
        ))}
      </div>
      {count > 1 && (
        <>
          <button
            type="button"
            className="carousel__arrow carousel__arrow--prev"
            onClick={() => go(current - 1)}
            disabled={current === 0}
            aria-label={t('posts.photo_previous')}
            data-testid="carousel-prev"
          >
            ‹
          </button>
          <button
            type="button"
            className="carousel__arrow carousel__arrow--next"
            onClick={() => go(current + 1)}
            disabled={current === count - 1}
            aria-label={t('posts.photo_next')}
            data-testid="carousel-next"
          >
            ›
          </button>
          <div className="carousel__dots">
            {media.map((item, i) => (
              <button
                key={item.id}
                type="button"
                className="carousel__dot"
                aria-label={t('posts.photo_n', { n: i + 1 })}
                aria-current={i === current ? 'true' : undefined}
                onClick={() => go(i)}
                data-testid="carousel-dot"
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
