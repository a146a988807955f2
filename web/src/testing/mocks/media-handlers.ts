import { http, HttpResponse } from 'msw';
import { z, type ZodError } from 'zod';
import { createUploadInputSchema, uploadTicketSchema } from '@/features/media/api/create-upload';
import { addPortfolioItemInputSchema } from '@/features/portfolio/api/add-portfolio-item';
import { MAX_PORTFOLIO_ITEMS, portfolioItemSchema, portfolioSchema } from '@/features/portfolio/api/get-portfolio';
import { updatePortfolioItemInputSchema } from '@/features/portfolio/api/update-portfolio-item';
import { userForAccessToken } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { masterOfUser, mdb } from '@/testing/mocks/marketplace-db';
import {
  mediaDb,
  nextMediaId,
  nextPortfolioItemId,
  portfolioOf,
  publicMedia,
  publicPortfolioItem,
  renumberPortfolio,
  settleMedia,
  type StoredMedia,
  type StoredPortfolioItem,
} from '@/testing/mocks/media-db';
import { mediaSchema } from '@/types/api';

// Every response body is parsed with the app's own schema, so mock and client cannot drift.

const MAX_BYTES = 15 * 1024 * 1024;
const READABLE = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PENDING = 20;

const unauthorized = () => problem(401, 'token_expired', 'Unauthorized');
const notFound = () => problem(404, 'not_found', 'Not Found');
const validation = (error: ZodError) =>
  problem(422, 'validation_failed', 'Validation failed', {
    errors: error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  });
const noContent = () => new HttpResponse(null, { status: 204 });

function mediaJson(media: StoredMedia, status = 200) {
  return HttpResponse.json(mediaSchema.parse(publicMedia(media)), { status });
}

function ownMedia(request: Request, id: string): StoredMedia | Response {
  const user = userForAccessToken(request.headers.get('Authorization'));
  if (!user) return unauthorized();
  const media = mediaDb.media.get(id);
  if (!media || media.owner_id !== user.id) return notFound();
  return media;
}

function myMaster(request: Request) {
  const user = userForAccessToken(request.headers.get('Authorization'));
  if (!user) return unauthorized();
  const master = masterOfUser(user.id);
  if (!master) return problem(404, 'master_profile_missing', 'Not Found');
  return { user, master };
}

function myItem(request: Request, itemId: string): { item: StoredPortfolioItem; items: StoredPortfolioItem[] } | Response {
  const who = myMaster(request);
  if (who instanceof Response) return who;
  const item = mediaDb.portfolio.get(itemId);
  if (!item || item.master_id !== who.master.id) return notFound();
  return { item, items: portfolioOf(who.master.id) };
}

export const mediaHandlers = [
  http.post(`${API}/media/uploads`, async ({ request }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return unauthorized();
    const body = await request.json();
    mediaDb.calls.uploads.push(body);
    const parsed = createUploadInputSchema.safeParse(body);
    if (!parsed.success) return validation(parsed.error);
    const { purpose, content_type, size_bytes } = parsed.data;
    if (size_bytes > MAX_BYTES) return problem(413, 'payload_too_large', 'Payload Too Large', { detail: 'at most 15 MiB' });
    if (!READABLE.includes(content_type)) {
      return problem(415, 'unsupported_media_type', 'Unsupported Media Type', { detail: 'JPEG, PNG or WebP only' });
    }
    const pending = [...mediaDb.media.values()].filter((m) => m.owner_id === user.id && m.status === 'pending');
    if (pending.length >= MAX_PENDING) {
      return problem(429, 'too_many_pending_uploads', 'Too Many Requests', {}, { 'Retry-After': '60' });
    }
    const id = nextMediaId();
    const media: StoredMedia = {
      id,
      owner_id: user.id,
      purpose,
      status: 'pending',
      failure_reason: null,
      width: null,
      height: null,
      placeholder: null,
      variants: null,
      created_at: new Date().toISOString(),
      declaredType: content_type,
      declaredSize: size_bytes,
      uploaded: false,
      pollsLeft: 0,
      sig: `sig-${id}`,
    };
    mediaDb.media.set(id, media);
    const expires = Date.now() + 15 * 60_000;
    const origin = new URL(request.url).origin;
    const ticket = uploadTicketSchema.parse({
      media: publicMedia(media),
      upload: {
        method: 'PUT',
        url: `${origin}/api/v1/media/${id}/upload?expires=${Math.floor(expires / 1000)}&sig=${media.sig}`,
        headers: { 'Content-Type': content_type },
        expires_at: new Date(expires).toISOString(),
      },
    });
    return HttpResponse.json(ticket, { status: 201 });
  }),

  // Authorised by the signature in the URL, not by a bearer token.
  http.put<{ id: string }>(`${API}/media/:id/upload`, async ({ request, params }) => {
    const media = mediaDb.media.get(params.id);
    const sig = new URL(request.url).searchParams.get('sig');
    mediaDb.calls.puts.push({
      id: params.id,
      authorization: request.headers.get('Authorization'),
      contentType: request.headers.get('Content-Type'),
      accept: request.headers.get('Accept'),
    });
    if (!media || sig !== media.sig) return problem(403, 'forbidden', 'Forbidden');
    if (mediaDb.expireLinks) return problem(403, 'upload_expired', 'Forbidden', { detail: 'The upload link has expired' });
    if (media.status !== 'pending') return problem(409, 'upload_closed', 'Conflict');
    await mediaDb.hold?.promise;
    media.uploaded = true;
    return noContent();
  }),

  http.post<{ id: string }>(`${API}/media/:id/complete`, ({ request, params }) => {
    const media = ownMedia(request, params.id);
    if (media instanceof Response) return media;
    mediaDb.calls.completes.push(params.id);
    if (media.status === 'ready' || media.status === 'failed') return mediaJson(media);
    if (!media.uploaded) return problem(409, 'upload_missing', 'Conflict');
    media.status = 'processing';
    media.pollsLeft = mediaDb.pollsBeforeReady;
    if (media.pollsLeft <= 0) {
      settleMedia(media);
      return mediaJson(media);
    }
    return mediaJson(media, 202);
  }),

  http.get<{ id: string }>(`${API}/media/:id`, ({ params }) => {
    const media = mediaDb.media.get(params.id);
    if (!media) return notFound();
    if (media.status === 'processing') {
      media.pollsLeft -= 1;
      if (media.pollsLeft <= 0) settleMedia(media);
    }
    return mediaJson(media);
  }),

  http.delete<{ id: string }>(`${API}/media/:id`, ({ request, params }) => {
    const media = ownMedia(request, params.id);
    if (media instanceof Response) return media;
    mediaDb.calls.deletes.push(params.id);
    mediaDb.media.delete(params.id);
    return noContent();
  }),

  // ---- portfolio (coming on the server) --------------------------------------------------
  http.get<{ id: string }>(`${API}/masters/:id/portfolio`, ({ params }) => {
    if (!mdb.masters.has(params.id)) return notFound();
    return HttpResponse.json(portfolioSchema.parse({ items: portfolioOf(params.id).map(publicPortfolioItem) }));
  }),

  http.post(`${API}/masters/me/portfolio`, async ({ request }) => {
    const who = myMaster(request);
    if (who instanceof Response) return who;
    const body = await request.json();
    mediaDb.calls.portfolioPosts.push(body);
    const parsed = addPortfolioItemInputSchema.safeParse(body);
    if (!parsed.success) return validation(parsed.error);
    const media = mediaDb.media.get(parsed.data.media_id);
    if (!media || media.owner_id !== who.user.id || media.status !== 'ready' || media.purpose !== 'portfolio') {
      return problem(422, 'validation_failed', 'Validation failed', { errors: [{ field: 'media_id', message: 'not a ready portfolio photo' }] });
    }
    const items = portfolioOf(who.master.id);
    if (items.length >= MAX_PORTFOLIO_ITEMS) {
      return problem(422, 'portfolio_full', 'Validation failed', { detail: `At most ${MAX_PORTFOLIO_ITEMS} photos` });
    }
    const item: StoredPortfolioItem = {
      id: nextPortfolioItemId(),
      master_id: who.master.id,
      media: publicMedia(media),
      caption: parsed.data.caption ?? '',
      service_id: parsed.data.service_id ?? null,
      position: items.length,
      created_at: new Date().toISOString(),
    };
    mediaDb.portfolio.set(item.id, item);
    return HttpResponse.json(portfolioItemSchema.parse(publicPortfolioItem(item)), { status: 201 });
  }),

  http.patch<{ itemId: string }>(`${API}/masters/me/portfolio/:itemId`, async ({ request, params }) => {
    const found = myItem(request, params.itemId);
    if (found instanceof Response) return found;
    const body = await request.json();
    mediaDb.calls.portfolioPatches.push({ id: params.itemId, body });
    const parsed = updatePortfolioItemInputSchema
      .extend({ position: z.number().int().nonnegative().max(found.items.length - 1) })
      .partial()
      .safeParse(body);
    if (!parsed.success) return validation(parsed.error);
    const { item, items } = found;
    if (parsed.data.caption !== undefined) item.caption = parsed.data.caption;
    if (parsed.data.position !== undefined) {
      const rest = items.filter((i) => i.id !== item.id);
      renumberPortfolio([...rest.slice(0, parsed.data.position), item, ...rest.slice(parsed.data.position)]);
    }
    return HttpResponse.json(portfolioItemSchema.parse(publicPortfolioItem(item)));
  }),

  http.delete<{ itemId: string }>(`${API}/masters/me/portfolio/:itemId`, ({ request, params }) => {
    const found = myItem(request, params.itemId);
    if (found instanceof Response) return found;
    mediaDb.calls.portfolioDeletes.push(params.itemId);
    mediaDb.portfolio.delete(params.itemId);
    renumberPortfolio(found.items.filter((i) => i.id !== params.itemId));
    return noContent();
  }),
];
