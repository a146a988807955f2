import { http, HttpResponse } from 'msw';
import type { ZodType } from 'zod';
import {
  masterSearchPageSchema,
  postSearchPageSchema,
  serviceSearchPageSchema,
  type MasterHit,
  type PostHit,
  type SearchFacets,
  type ServiceHit,
} from '@/features/search/api/get-search-results';
import { suggestionsResponseSchema, type Suggestion } from '@/features/search/api/get-suggestions';
import { categories, userForAccessToken } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import {
  categoryById,
  distanceTo,
  masterSummaryView,
  mdb,
  publicService,
  ratingOf,
  servicesOf,
  type StoredMaster,
  type StoredService,
} from '@/testing/mocks/marketplace-db';
import { pdb, postView } from '@/testing/mocks/posts-db';
import { sdb } from '@/testing/mocks/search-db';
import type { GeoLocation } from '@/types/api';

// GET /search and /search/suggest over the marketplace and posts mocks. Bodies are parsed with
// the app's own schemas, so mock and client cannot drift.

function json<T>(schema: ZodType<T>, body: T) {
  return HttpResponse.json(schema.parse(body) as never);
}

const PRICE_EDGES: [number, number | null][] = [
  [0, 100_000],
  [100_000, 200_000],
  [200_000, 350_000],
  [350_000, 500_000],
  [500_000, null],
];
const RATING_MINS = [4.5, 4, 3.5];

const fold = (text: string) => text.toLowerCase().replace(/ё/g, 'е');
const words = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Every word of the query starts some word of the text. */
function matches(query: string[], text: string): boolean {
  const have = words(text);
  return query.every((q) => have.some((w) => w.startsWith(q)));
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The title escaped, with the words the query starts in <mark>, as the server writes it. */
function highlight(title: string, query: string[]): string {
  return title
    .split(/(\s+)/)
    .map((token) => (query.length > 0 && words(token).some((w) => query.some((q) => w.startsWith(q))) ? `<mark>${escapeHtml(token)}</mark>` : escapeHtml(token)))
    .join('');
}

/** A category and its parents. */
function withParents(id: string): string[] {
  const parent = categoryById(id)?.parent_id;
  return parent ? [id, parent] : [id];
}

const categoryNames = (ids: string[]) => ids.map((id) => categoryById(id)?.name_ru ?? '').join(' ');

type Doc = {
  id: string;
  title: string;
  text: string;
  categoryIds: string[];
  price: number | null;
  rating: number;
  master: StoredMaster | undefined;
  createdAt: string;
  freeSlot: MasterHit['next_free_slot'];
  render: (highlight: string, freeSlot: MasterHit['next_free_slot']) => MasterHit | ServiceHit | PostHit;
};

function docsOf(type: string, viewer: ReturnType<typeof userForAccessToken>, from: GeoLocation | null): Doc[] {
  if (type === 'posts') {
    return [...pdb.posts.values()]
      .filter((p) => !p.deleted)
      .map((p) => {
        const master = [...mdb.masters.values()].find((m) => m.user_id === p.author_id);
        return {
          id: p.id,
          title: p.text,
          text: `${p.text} ${p.category_id ? categoryNames(withParents(p.category_id)) : ''}`,
          categoryIds: p.category_id ? withParents(p.category_id) : [],
          price: null,
          rating: 0,
          master,
          createdAt: p.created_at,
          freeSlot: null,
          render: (h) => ({ ...postView(p, viewer), highlight: h }),
        };
      });
  }
  const masters = [...mdb.masters.values()].filter((m) => servicesOf(m.id, { activeOnly: true }).length > 0);
  if (type === 'services') {
    return masters.flatMap((m) =>
      servicesOf(m.id, { activeOnly: true }).map((s: StoredService) => ({
        id: s.id,
        title: s.name,
        text: `${s.name} ${categoryNames(withParents(s.category_id))} ${s.description ?? ''} ${m.display_name}`,
        categoryIds: withParents(s.category_id),
        price: s.price_minor,
        rating: ratingOf(m.id).avg ?? 0,
        master: m,
        createdAt: '',
        freeSlot: sdb.freeSlots.get(s.id) ?? sdb.freeSlots.get(m.id) ?? null,
        render: (h, slot) => ({ ...publicService(s), master: masterSummaryView(m, viewer, from), highlight: h, next_free_slot: slot }),
      })),
    );
  }
  return masters.map((m) => {
    const services = servicesOf(m.id, { activeOnly: true });
    const ids = [...m.category_ids, ...services.map((s) => s.category_id)].flatMap(withParents);
    return {
      id: m.id,
      title: m.display_name,
      text: `${m.display_name} ${categoryNames(ids)} ${services.map((s) => s.name).join(' ')} ${m.bio} ${m.city}`,
      categoryIds: [...new Set(ids)],
      price: Math.min(...services.map((s) => s.price_minor)),
      rating: ratingOf(m.id).avg ?? 0,
      master: m,
      createdAt: '',
      freeSlot: sdb.freeSlots.get(m.id) ?? null,
      render: (h, slot) => ({ ...masterSummaryView(m, viewer, from), highlight: h, next_free_slot: slot }),
    };
  });
}

const invalid = (field: string, message: string) =>
  problem(422, 'validation_failed', 'Validation failed', { errors: [{ field, message }] });

export const searchHandlers = [
  http.get(`${API}/search`, ({ request }) => {
    const url = new URL(request.url);
    const params = url.searchParams;
    sdb.calls.searches.push(params);
    if (sdb.failure) return problem(sdb.failure.status, sdb.failure.code ?? 'error', sdb.failure.title ?? 'Error', sdb.failure);
    const viewer = userForAccessToken(request.headers.get('Authorization'));
    const type = params.get('type') ?? 'masters';
    const sort = params.get('sort') ?? 'relevance';
    const lat = params.get('lat');
    const lon = params.get('lon');
    const from = lat !== null && lon !== null ? { lat: Number(lat), lon: Number(lon) } : null;
    const rawQ = params.get('q') ?? '';
    if ([...rawQ].length > 200) return invalid('q', 'must be at most 200 characters');
    if (type === 'posts') {
      for (const field of ['price_min', 'price_max', 'min_rating', 'available']) if (params.has(field)) return invalid(field, 'does not apply to posts');
      if (sort !== 'relevance' && sort !== 'recent') return invalid('sort', 'posts sort by relevance or recent');
    } else if (sort === 'recent') return invalid('sort', 'only posts sort by recent');
    if (sort === 'distance' && !from) return invalid('sort', 'distance needs lat and lon');

    const all = docsOf(type, viewer, from);
    let query = words(rawQ);
    let corrected: string | null = null;
    if (query.length > 0 && !all.some((d) => matches(query, d.text)) && sdb.corrections.has(rawQ.trim())) {
      corrected = sdb.corrections.get(rawQ.trim())!;
      query = words(corrected);
    }
    const radiusM = Number(params.get('radius_km') ?? 10) * 1000;
    const category = params.get('category_id');
    const priceMin = params.has('price_min') ? Number(params.get('price_min')) : null;
    const priceMax = params.has('price_max') ? Number(params.get('price_max')) : null;
    const minRating = params.has('min_rating') ? Number(params.get('min_rating')) : null;
    const available = params.get('available');

    const found = all.filter((d) => matches(query, d.text) && (!from || (d.master && (distanceTo(d.master, from) ?? Infinity) <= radiusM)));
    const okCategory = (d: Doc) => !category || d.categoryIds.includes(category);
    const okPrice = (d: Doc) => (priceMin === null || (d.price ?? 0) >= priceMin) && (priceMax === null || (d.price ?? 0) <= priceMax);
    const okRating = (d: Doc) => minRating === null || d.rating >= minRating;
    const okAvailable = (d: Doc) => !available || d.freeSlot !== null;

    // Each facet counts what every filter but its own leaves.
    const facets: SearchFacets = { categories: [], price: [], rating: [] };
    const counts = new Map<string, number>();
    for (const d of found.filter((x) => okPrice(x) && okRating(x) && okAvailable(x))) {
      for (const id of d.categoryIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    facets.categories = categories.filter((c) => counts.has(c.id)).map((c) => ({ id: c.id, count: counts.get(c.id)! }));
    if (type !== 'posts') {
      const forPrice = found.filter((x) => okCategory(x) && okRating(x) && okAvailable(x));
      facets.price = PRICE_EDGES.map(([lo, hi]) => ({
        from: lo,
        to: hi,
        count: forPrice.filter((d) => d.price !== null && d.price >= lo && (hi === null || d.price < hi)).length,
      }));
      const forRating = found.filter((x) => okCategory(x) && okPrice(x) && okAvailable(x));
      facets.rating = RATING_MINS.map((min) => ({ min, count: forRating.filter((d) => d.rating >= min).length }));
    }

    const hits = found.filter((d) => okCategory(d) && okPrice(d) && okRating(d) && okAvailable(d));
    hits.sort((a, b) => {
      if (sort === 'rating') return b.rating - a.rating;
      if (sort === 'price') return (a.price ?? 0) - (b.price ?? 0);
      if (sort === 'distance') return (distanceTo(a.master!, from) ?? 0) - (distanceTo(b.master!, from) ?? 0);
      if (sort === 'recent') return b.createdAt.localeCompare(a.createdAt);
      return 0;
    });

    const limit = Math.min(Number(params.get('limit') ?? 20) || 20, 100);
    const offset = Number(params.get('cursor') ?? 0) || 0;
    const slice = hits.slice(offset, offset + limit);
    const body = {
      items: slice.map((d) => d.render(highlight(d.title, query), available ? d.freeSlot : null)),
      facets,
      total_estimate: hits.length,
      corrected_query: corrected,
      next_cursor: offset + limit < hits.length ? String(offset + limit) : null,
    };
    if (type === 'posts') return json(postSearchPageSchema, body as never);
    if (type === 'services') return json(serviceSearchPageSchema, body as never);
    return json(masterSearchPageSchema, body as never);
  }),

  http.get(`${API}/search/suggest`, ({ request }) => {
    const q = new URL(request.url).searchParams.get('q') ?? '';
    sdb.calls.suggests.push(q);
    const typed = words(q);
    const starts = (text: string) => typed.length > 0 && matches(typed, text);
    const items: Suggestion[] = [
      ...categories.filter((c) => starts(c.name_ru) || starts(c.name_en)).map((c) => ({ kind: 'category' as const, text: c.name_ru, id: c.id })),
      ...[...new Set([...mdb.services.values()].filter((s) => s.active && starts(s.name)).map((s) => s.name))].map((name) => ({
        kind: 'service' as const,
        text: name,
      })),
      ...[...mdb.masters.values()].filter((m) => starts(m.display_name)).map((m) => ({ kind: 'master' as const, text: m.display_name, id: m.id })),
      ...[...sdb.corrections.entries()].filter(([typo]) => fold(typo).startsWith(fold(q.trim())) && q.trim()).map(([, fixed]) => ({ kind: 'query' as const, text: fixed })),
    ];
    return json(suggestionsResponseSchema, { items: items.slice(0, 8) });
  }),
];
