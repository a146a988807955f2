import type { PortfolioItem } from '@/features/portfolio/api/get-portfolio';
import type { Media, MediaFailureReason, MediaPurpose, MediaVariant, MediaVariants } from '@/types/api';

// Photos and portfolios in the mock server, reset after every test. It follows the media
// contract (ticket → signed PUT → complete → poll), not the server's implementation; the
// "processing" is a counter of polls. Tests steer it through `mediaDb` (pollsBeforeReady,
// failWith, expireLinks) and hold a PUT in flight with holdUploads().

export type StoredMedia = Media & { declaredType: string; declaredSize: number; uploaded: boolean; pollsLeft: number; sig: string };
export type StoredPortfolioItem = PortfolioItem & { master_id: string };

/** A valid BlurHash with 4×3 components (the one from the BlurHash README). */
export const TEST_BLURHASH = 'LEHV6nWB2yk8pyo0adR*.7kCMdnj';

type Hold = { promise: Promise<void>; release: () => void };

export const mediaDb = {
  media: new Map<string, StoredMedia>(),
  portfolio: new Map<string, StoredPortfolioItem>(),
  counter: 0,
  /** GET polls that still answer `processing` after complete (0: complete answers 200 ready). */
  pollsBeforeReady: 1,
  /** How processing ends: null → ready, else failed with this reason. */
  failWith: null as MediaFailureReason | null,
  /** Every PUT answers 403 upload_expired while set. */
  expireLinks: false,
  hold: null as Hold | null,
  /** Chat photo links minted so far: each read of a chat photo signs its URLs anew. */
  signatures: 0,
  calls: {
    uploads: [] as unknown[],
    puts: [] as { id: string; authorization: string | null; contentType: string | null; accept: string | null }[],
    completes: [] as string[],
    deletes: [] as string[],
    portfolioPosts: [] as unknown[],
    portfolioPatches: [] as { id: string; body: unknown }[],
    portfolioDeletes: [] as string[],
  },
};

export function resetMediaDb(): void {
  mediaDb.media.clear();
  mediaDb.portfolio.clear();
  mediaDb.counter = 0;
  mediaDb.pollsBeforeReady = 1;
  mediaDb.failWith = null;
  mediaDb.expireLinks = false;
  mediaDb.hold?.release();
  mediaDb.hold = null;
  mediaDb.signatures = 0;
  mediaDb.calls = { uploads: [], puts: [], completes: [], deletes: [], portfolioPosts: [], portfolioPatches: [], portfolioDeletes: [] };
}

export function nextMediaId(): string {
  mediaDb.counter += 1;
  return `50000000-0000-4000-8000-${String(mediaDb.counter).padStart(12, '0')}`;
}

export function nextPortfolioItemId(): string {
  mediaDb.counter += 1;
  return `60000000-0000-4000-8000-${String(mediaDb.counter).padStart(12, '0')}`;
}

/** PUTs wait until release() (to look at an upload in flight); reset releases it. */
export function holdUploads(): { release: () => void } {
  let release = () => {};
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  mediaDb.hold = { promise, release };
  return { release };
}

/** The variants the server would make of a 1600×1200 photo, under /media/{id}/… like it. */
export function variantsFor(id: string, width = 1600, height = 1200): MediaVariants {
  const origin = window.location.origin;
  const scaled = (side: number) => {
    const k = Math.min(1, side / Math.max(width, height));
    return { width: Math.round(width * k), height: Math.round(height * k) };
  };
  const variant = (name: string, size: { width: number; height: number }) => ({
    url: `${origin}/media/${id}/${name}.webp`,
    jpeg_url: `${origin}/media/${id}/${name}.jpg`,
    ...size,
  });
  return { thumb: variant('thumb', { width: 160, height: 160 }), medium: variant('medium', scaled(640)), large: variant('large', scaled(1280)) };
}

export function settleMedia(media: StoredMedia): void {
  if (mediaDb.failWith) {
    Object.assign(media, { status: 'failed', failure_reason: mediaDb.failWith });
    return;
  }
  Object.assign(media, {
    status: 'ready',
    width: 1600,
    height: 1200,
    placeholder: TEST_BLURHASH,
    variants: variantsFor(media.id),
  });
}

export function publicMedia(media: StoredMedia): Media {
  const { declaredType: _t, declaredSize: _s, uploaded: _u, pollsLeft: _p, sig: _g, ...rest } = media;
  return rest;
}

/**
 * A chat photo as a message carries it: every read signs the variant URLs afresh (the real
 * links expire after 15 minutes), so two reads never give the same URL.
 */
export function signedChatMedia(media: StoredMedia): Media {
  const view = publicMedia(media);
  if (!view.variants) return view;
  mediaDb.signatures += 1;
  const query = `?expires=${Math.floor(Date.now() / 1000) + 900}&sig=s${mediaDb.signatures}`;
  const sign = (v: MediaVariant): MediaVariant => ({ ...v, url: v.url + query, jpeg_url: v.jpeg_url + query });
  const { thumb, medium, large } = view.variants;
  return { ...view, variants: { thumb: sign(thumb), medium: sign(medium), large: sign(large) } };
}

/** A processed photo of `ownerId`, as if uploaded earlier. */
export function seedMedia(ownerId: string, purpose: MediaPurpose = 'portfolio'): StoredMedia {
  const id = nextMediaId();
  const media: StoredMedia = {
    id,
    owner_id: ownerId,
    purpose,
    status: 'ready',
    failure_reason: null,
    width: 1600,
    height: 1200,
    placeholder: TEST_BLURHASH,
    variants: variantsFor(id),
    created_at: new Date().toISOString(),
    declaredType: 'image/jpeg',
    declaredSize: 1000,
    uploaded: true,
    pollsLeft: 0,
    sig: 'seeded',
  };
  mediaDb.media.set(id, media);
  return media;
}

export function portfolioOf(masterId: string): StoredPortfolioItem[] {
  return [...mediaDb.portfolio.values()].filter((i) => i.master_id === masterId).sort((a, b) => a.position - b.position);
}

/** Positions 0…n−1 in the given order. */
export function renumberPortfolio(items: StoredPortfolioItem[]): void {
  items.forEach((item, index) => {
    item.position = index;
  });
}

export function publicPortfolioItem(item: StoredPortfolioItem): PortfolioItem {
  const { master_id: _m, ...rest } = item;
  const media = mediaDb.media.get(item.media.id);
  return { ...rest, media: media ? publicMedia(media) : rest.media };
}

/** A portfolio photo of a master (user `ownerId`), appended at the end. */
export function seedPortfolioItem(masterId: string, ownerId: string, caption = ''): StoredPortfolioItem {
  const media = seedMedia(ownerId, 'portfolio');
  const item: StoredPortfolioItem = {
    id: nextPortfolioItemId(),
    master_id: masterId,
    media: publicMedia(media),
    caption,
    service_id: null,
    position: portfolioOf(masterId).length,
    created_at: new Date().toISOString(),
  };
  mediaDb.portfolio.set(item.id, item);
  return item;
}

/** cover_url of a master's search card: the thumb of the first portfolio photo. */
export function coverOf(masterId: string): string | null {
  return portfolioOf(masterId)[0]?.media.variants?.thumb.url ?? null;
}
