import { http, HttpResponse } from 'msw';
import { z, type ZodError, type ZodType } from 'zod';
import { cancelBookingInputSchema } from '@/features/bookings/api/cancel-booking';
import { createBookingInputSchema } from '@/features/bookings/api/create-booking';
import { slotsResponseSchema } from '@/features/bookings/api/get-slots';
import { rescheduleBookingInputSchema } from '@/features/bookings/api/reschedule-booking';
import { createServiceInputSchema } from '@/features/masters/api/create-service';
import { myServicesResponseSchema } from '@/features/masters/api/get-my-services';
import { updateServiceInputSchema } from '@/features/masters/api/update-service';
import { upsertMasterProfileInputSchema } from '@/features/masters/api/upsert-master-profile';
import { createReviewInputSchema } from '@/features/reviews/api/create-review';
import { replyReviewInputSchema } from '@/features/reviews/api/reply-review';
import { scheduleExceptionSchema, scheduleSchema } from '@/features/schedule/api/get-schedule';
import { putScheduleExceptionInputSchema } from '@/features/schedule/api/put-schedule-exception';
import { updateScheduleInputSchema } from '@/features/schedule/api/update-schedule';
import { userForAccessToken, type StoredUser } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import {
  DEFAULT_RULES,
  distanceTo,
  masterOfUser,
  masterProfileView,
  masterSummaryView,
  mdb,
  nextMarketId,
  publicService,
  ratingOf,
  servicesOf,
  todayIn,
  type StoredMaster,
} from '@/testing/mocks/marketplace-db';
import {
  bookingSchema,
  bookingsPageSchema,
  masterProfileSchema,
  mastersPageSchema,
  reviewSchema,
  reviewsPageSchema,
  serviceSchema,
  type Booking,
  type GeoLocation,
} from '@/types/api';

// Every response body is parsed with the app's own schema, so mock and client cannot drift.

// The slots answer also carries service_id and duration_min, which the client ignores.
const recordedSlotsSchema = slotsResponseSchema.extend({ service_id: z.string(), duration_min: z.number().int() });

function json<T>(schema: ZodType<T>, body: T, status = 200) {
  return HttpResponse.json(schema.parse(body) as never, { status });
}

const noContent = () => new HttpResponse(null, { status: 204 });
const unauthorized = () => problem(401, 'token_expired', 'Unauthorized');
const notFound = (code = 'not_found') => problem(404, code, 'Not Found');
const validation = (error: ZodError) =>
  problem(422, 'validation_failed', 'Validation failed', {
    errors: error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  });

function caller(request: Request): StoredUser | undefined {
  return userForAccessToken(request.headers.get('Authorization'));
}

function originOf(url: URL): GeoLocation | null {
  const lat = url.searchParams.get('lat');
  const lon = url.searchParams.get('lon');
  return lat !== null && lon !== null ? { lat: Number(lat), lon: Number(lon) } : null;
}

function page<T>(items: T[], url: URL): { items: T[]; next_cursor: string | null } {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 20) || 20, 100);
  const offset = Number(url.searchParams.get('cursor') ?? 0) || 0;
  const slice = items.slice(offset, offset + limit);
  return { items: slice, next_cursor: offset + limit < items.length ? String(offset + limit) : null };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function requireMaster(request: Request): { user: StoredUser; master?: StoredMaster } | Response {
  const user = caller(request);
  if (!user) return unauthorized();
  if (user.role !== 'master') return problem(403, 'forbidden', 'Forbidden', { detail: 'Masters only' });
  return { user, master: masterOfUser(user.id) };
}

function bookingFor(request: Request, id: string): { user: StoredUser; booking: Booking; isMaster: boolean } | Response {
  const user = caller(request);
  if (!user) return unauthorized();
  const booking = mdb.bookings.get(id);
  if (!booking) return notFound();
  const master = mdb.masters.get(booking.master.id);
  const isMaster = master?.user_id === user.id;
  if (booking.client.id !== user.id && !isMaster) return notFound();
  return { user, booking, isMaster };
}

const invalidTransition = () => problem(409, 'invalid_transition', 'Conflict', { detail: 'Illegal status change' });
const slotUnavailable = () => problem(409, 'slot_unavailable', 'Conflict', { detail: 'The time is not free' });

/** A start is bookable when it is one of the free slots the server offered (the seeded answer). */
function isOffered(serviceId: string, startAt: string): boolean {
  const offered = mdb.slots.get(serviceId)?.items ?? [];
  return offered.some((s) => Date.parse(s.start_at) === Date.parse(startAt));
}

export const marketplaceHandlers = [
  // ---- masters --------------------------------------------------------------------------
  http.get(`${API}/masters/me`, ({ request }) => {
    const who = requireMaster(request);
    if (who instanceof Response) return who;
    if (!who.master) return problem(404, 'master_profile_missing', 'Not Found');
    return json(masterProfileSchema, masterProfileView(who.master, who.user, null));
  }),

  http.put(`${API}/masters/me`, async ({ request }) => {
    const who = requireMaster(request);
    if (who instanceof Response) return who;
    const body = await request.json();
    mdb.calls.profilePuts.push(body);
    const parsed = upsertMasterProfileInputSchema.safeParse(body);
    if (!parsed.success) return validation(parsed.error);
    const input = parsed.data;
    if (!input.location) {
      return problem(422, 'validation_failed', 'Validation failed', {
        errors: [{ field: 'location', message: 'is required' }],
      });
    }
    const created = !who.master;
    const master: StoredMaster = {
      id: who.master?.id ?? nextMarketId('20000000'),
      user_id: who.user.id,
      display_name: input.display_name,
      bio: input.bio ?? '',
      category_ids: input.category_ids,
      address: input.address,
      city: input.city,
      location: input.location,
      timezone: input.timezone,
      booking_rules: input.booking_rules ?? who.master?.booking_rules ?? { ...DEFAULT_RULES },
    };
    mdb.masters.set(master.id, master);
    return json(masterProfileSchema, masterProfileView(master, who.user, null), created ? 201 : 200);
  }),

  http.get(`${API}/masters/me/services`, ({ request }) => {
    const who = requireMaster(request);
    if (who instanceof Response) return who;
    if (!who.master) return problem(404, 'master_profile_missing', 'Not Found');
    return json(myServicesResponseSchema, {
      items: servicesOf(who.master.id, { activeOnly: false }).map(publicService),
    });
  }),

  http.post(`${API}/masters/me/services`, async ({ request }) => {
    const who = requireMaster(request);
    if (who instanceof Response) return who;
    if (!who.master) return problem(404, 'master_profile_missing', 'Not Found');
    const body = await request.json();
    mdb.calls.servicePosts.push(body);
    const parsed = createServiceInputSchema.safeParse(body);
    if (!parsed.success) return validation(parsed.error);
    const service = { id: nextMarketId('30000000'), master_id: who.master.id, active: true, ...parsed.data };
    mdb.services.set(service.id, service);
    return json(serviceSchema, publicService(service), 201);
  }),

  http.patch<{ id: string }>(`${API}/masters/me/services/:id`, async ({ request, params }) => {
    const who = requireMaster(request);
    if (who instanceof Response) return who;
    const service = mdb.services.get(params.id);
    if (!service || service.master_id !== who.master?.id) return notFound();
    const body = await request.json();
    mdb.calls.servicePatches.push(body);
    const parsed = updateServiceInputSchema.safeParse(body);
    if (!parsed.success) return validation(parsed.error);
    Object.assign(service, parsed.data);
    return json(serviceSchema, publicService(service));
  }),

  http.delete<{ id: string }>(`${API}/masters/me/services/:id`, ({ request, params }) => {
    const who = requireMaster(request);
    if (who instanceof Response) return who;
    const service = mdb.services.get(params.id);
    if (!service || service.master_id !== who.master?.id) return notFound();
    service.active = false;
    return noContent();
  }),

  // ---- schedule -------------------------------------------------------------------------
  http.get(`${API}/masters/me/schedule`, ({ request }) => {
    const who = requireMaster(request);
    if (who instanceof Response) return who;
    if (!who.master) return problem(404, 'master_profile_missing', 'Not Found');
    const today = todayIn(who.master.timezone);
    const exceptions = [...(mdb.exceptions.get(who.master.id) ?? new Map()).entries()]
      .filter(([date]) => date >= today)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, intervals]) => ({ date, intervals }));
    return json(scheduleSchema, {
      timezone: who.master.timezone,
      weekly: mdb.weekly.get(who.master.id) ?? [],
      exceptions,
    });
  }),

  http.put(`${API}/masters/me/schedule`, async ({ request }) => {
    const who = requireMaster(request);
    if (who instanceof Response) return who;
    if (!who.master) return problem(404, 'master_profile_missing', 'Not Found');
    const body = await request.json();
    mdb.calls.schedulePuts.push(body);
    const parsed = updateScheduleInputSchema.safeParse(body);
    if (!parsed.success) return validation(parsed.error);
    const errors: { field: string; message: string }[] = [];
    parsed.data.weekly.forEach((i, index) => {
      if (i.start >= i.end) errors.push({ field: `weekly[${index}].end`, message: 'must be after start' });
      const overlap = parsed.data.weekly.some(
        (o, k) => k !== index && o.weekday === i.weekday && o.start < i.end && i.start < o.end,
      );
      if (overlap) errors.push({ field: `weekly[${index}]`, message: 'overlaps another interval' });
    });
    if (errors.length > 0) return problem(422, 'validation_failed', 'Validation failed', { errors });
    mdb.weekly.set(who.master.id, parsed.data.weekly);
    const today = todayIn(who.master.timezone);
    return json(scheduleSchema, {
      timezone: who.master.timezone,
      weekly: parsed.data.weekly,
      exceptions: [...(mdb.exceptions.get(who.master.id) ?? new Map()).entries()]
        .filter(([date]) => date >= today)
        .map(([date, intervals]) => ({ date, intervals })),
    });
  }),

  http.put<{ date: string }>(`${API}/masters/me/schedule/exceptions/:date`, async ({ request, params }) => {
    const who = requireMaster(request);
    if (who instanceof Response) return who;
    if (!who.master) return problem(404, 'master_profile_missing', 'Not Found');
    const parsed = putScheduleExceptionInputSchema.safeParse(await request.json());
    if (!parsed.success) return validation(parsed.error);
    const byDate = mdb.exceptions.get(who.master.id) ?? new Map();
    byDate.set(params.date, parsed.data.intervals);
    mdb.exceptions.set(who.master.id, byDate);
    return json(scheduleExceptionSchema, { date: params.date, intervals: parsed.data.intervals });
  }),

  http.delete<{ date: string }>(`${API}/masters/me/schedule/exceptions/:date`, ({ request, params }) => {
    const who = requireMaster(request);
    if (who instanceof Response) return who;
    mdb.exceptions.get(who.master?.id ?? '')?.delete(params.date);
    return noContent();
  }),

  // ---- public masters -------------------------------------------------------------------
  http.get(`${API}/masters`, ({ request }) => {
    const viewer = caller(request);
    if (!viewer) return unauthorized();
    const url = new URL(request.url);
    mdb.calls.searches.push(url.searchParams);
    const from = originOf(url);
    const radiusM = Number(url.searchParams.get('radius_km') ?? 10) * 1000;
    const category = url.searchParams.get('category_id');
    const minRating = url.searchParams.get('min_rating');
    const sort = url.searchParams.get('sort') ?? 'distance';
    let items = [...mdb.masters.values()]
      .filter((m) => servicesOf(m.id, { activeOnly: true }).length > 0)
      .filter((m) => (distanceTo(m, from) ?? Infinity) <= radiusM)
      .filter(
        (m) =>
          !category ||
          m.category_ids.includes(category) ||
          servicesOf(m.id, { activeOnly: true }).some((s) => s.category_id === category),
      )
      .filter((m) => minRating === null || (ratingOf(m.id).avg ?? 0) >= Number(minRating))
      .map((m) => masterSummaryView(m, viewer, from));
    items = items.sort((a, b) => {
      if (sort === 'rating') return (b.rating.avg ?? 0) - (a.rating.avg ?? 0);
      if (sort === 'price') return (a.min_price_minor ?? Infinity) - (b.min_price_minor ?? Infinity);
      return (a.distance_m ?? 0) - (b.distance_m ?? 0);
    });
    return json(mastersPageSchema, page(items, url));
  }),

  http.get<{ id: string }>(`${API}/masters/:id`, ({ request, params }) => {
    const master = mdb.masters.get(params.id);
    if (!master) return notFound();
    return json(masterProfileSchema, masterProfileView(master, caller(request), originOf(new URL(request.url))));
  }),

  http.get<{ id: string }>(`${API}/masters/:id/slots`, ({ request, params }) => {
    const master = mdb.masters.get(params.id);
    if (!master) return notFound();
    const url = new URL(request.url);
    const service = mdb.services.get(url.searchParams.get('service_id') ?? '');
    if (!service || service.master_id !== master.id || !service.active) return notFound('service_not_found');
    const recorded = mdb.slots.get(service.id) ?? {
      timezone: master.timezone,
      service_id: service.id,
      duration_min: service.duration_min,
      items: [],
    };
    // Only the asked-for dates (of the master's zone) of the recorded answer.
    const from = url.searchParams.get('from') ?? '';
    const to = url.searchParams.get('to') ?? '9999-12-31';
    const items = recorded.items.filter((s) => s.local_start.slice(0, 10) >= from && s.local_start.slice(0, 10) <= to);
    return json(recordedSlotsSchema, { ...recorded, items });
  }),

  http.get<{ id: string }>(`${API}/masters/:id/reviews`, ({ request, params }) => {
    const items = [...mdb.reviews.values()]
      .filter((r) => r.master_id === params.id)
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    return json(reviewsPageSchema, page(items, new URL(request.url)));
  }),

  // ---- bookings -------------------------------------------------------------------------
  http.post(`${API}/bookings`, async ({ request }) => {
    const user = caller(request);
    if (!user) return unauthorized();
    const key = request.headers.get('Idempotency-Key');
    mdb.calls.bookingKeys.push(key);
    const raw = await request.json();
    const parsed = createBookingInputSchema.safeParse(raw);
    if (!parsed.success) return validation(parsed.error);
    const bodyText = JSON.stringify(parsed.data);
    if (key) {
      const seen = mdb.idempotency.get(`${user.id}:${key}`);
      if (seen && seen.body !== bodyText) return problem(422, 'idempotency_key_reused', 'Unprocessable');
      if (seen) return json(bookingSchema, mdb.bookings.get(seen.bookingId)!, 201);
    }
    const service = mdb.services.get(parsed.data.service_id);
    const master = service ? mdb.masters.get(service.master_id) : undefined;
    if (!service || !master || !service.active) return notFound('service_not_found');
    if (!isOffered(service.id, parsed.data.start_at)) return slotUnavailable();
    const start = Date.parse(parsed.data.start_at);
    const booking: Booking = {
      id: nextMarketId('40000000'),
      status: master.booking_rules.auto_confirm ? 'confirmed' : 'pending',
      client: { id: user.id, name: user.name },
      master: { id: master.id, display_name: master.display_name },
      service: { id: service.id, name: service.name },
      start_at: iso(start),
      end_at: iso(start + service.duration_min * 60_000),
      price_minor: service.price_minor,
      currency: service.currency,
      comment: parsed.data.comment ?? '',
      cancel_reason: null,
      created_at: iso(Date.now()),
      review_id: null,
    };
    mdb.bookings.set(booking.id, booking);
    if (key) mdb.idempotency.set(`${user.id}:${key}`, { body: bodyText, bookingId: booking.id });
    return json(bookingSchema, booking, 201);
  }),

  http.get(`${API}/bookings`, ({ request }) => {
    const user = caller(request);
    if (!user) return unauthorized();
    const url = new URL(request.url);
    const as = url.searchParams.get('as') ?? 'client';
    const status = url.searchParams.get('status');
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    const mine = masterOfUser(user.id);
    const items = [...mdb.bookings.values()]
      .filter((b) => (as === 'master' ? b.master.id === mine?.id : b.client.id === user.id))
      .filter((b) => !status || b.status === status)
      .filter((b) => !from || Date.parse(b.start_at) >= Date.parse(from))
      .filter((b) => !to || Date.parse(b.start_at) < Date.parse(to))
      .sort((a, b) => a.start_at.localeCompare(b.start_at));
    return json(bookingsPageSchema, page(items, url));
  }),

  http.get<{ id: string }>(`${API}/bookings/:id`, ({ request, params }) => {
    const found = bookingFor(request, params.id);
    if (found instanceof Response) return found;
    return json(bookingSchema, found.booking);
  }),

  http.post<{ id: string }>(`${API}/bookings/:id/confirm`, ({ request, params }) => {
    const found = bookingFor(request, params.id);
    if (found instanceof Response) return found;
    if (!found.isMaster) return problem(403, 'forbidden', 'Forbidden');
    if (found.booking.status !== 'pending') return invalidTransition();
    found.booking.status = 'confirmed';
    return json(bookingSchema, found.booking);
  }),

  http.post<{ id: string }>(`${API}/bookings/:id/cancel`, async ({ request, params }) => {
    const found = bookingFor(request, params.id);
    if (found instanceof Response) return found;
    const parsed = cancelBookingInputSchema.safeParse(await request.json());
    if (!parsed.success) return validation(parsed.error);
    if (found.booking.status !== 'pending' && found.booking.status !== 'confirmed') return invalidTransition();
    found.booking.status = 'cancelled';
    found.booking.cancel_reason = parsed.data.reason || null;
    return json(bookingSchema, found.booking);
  }),

  http.post<{ id: string }>(`${API}/bookings/:id/reschedule`, async ({ request, params }) => {
    const found = bookingFor(request, params.id);
    if (found instanceof Response) return found;
    const parsed = rescheduleBookingInputSchema.safeParse(await request.json());
    if (!parsed.success) return validation(parsed.error);
    const b = found.booking;
    if (b.status !== 'pending' && b.status !== 'confirmed') return invalidTransition();
    if (!isOffered(b.service.id, parsed.data.start_at)) return slotUnavailable();
    const length = Date.parse(b.end_at) - Date.parse(b.start_at);
    b.start_at = iso(Date.parse(parsed.data.start_at));
    b.end_at = iso(Date.parse(parsed.data.start_at) + length);
    return json(bookingSchema, b);
  }),

  ...(['complete', 'no-show'] as const).map((action) =>
    http.post<{ id: string }>(`${API}/bookings/:id/${action}`, ({ request, params }) => {
      const found = bookingFor(request, params.id);
      if (found instanceof Response) return found;
      if (!found.isMaster) return problem(403, 'forbidden', 'Forbidden');
      const b = found.booking;
      if ((b.status !== 'pending' && b.status !== 'confirmed') || Date.parse(b.start_at) > Date.now()) {
        return invalidTransition();
      }
      b.status = action === 'complete' ? 'completed' : 'no_show';
      return json(bookingSchema, b);
    }),
  ),

  // ---- reviews --------------------------------------------------------------------------
  http.post<{ id: string }>(`${API}/bookings/:id/review`, async ({ request, params }) => {
    const found = bookingFor(request, params.id);
    if (found instanceof Response) return found;
    const parsed = createReviewInputSchema.safeParse(await request.json());
    if (!parsed.success) return validation(parsed.error);
    const b = found.booking;
    if (b.client.id !== found.user.id || b.status !== 'completed') return invalidTransition();
    if (b.review_id) return problem(409, 'review_exists', 'Conflict');
    const review = {
      id: nextMarketId('50000000'),
      booking_id: b.id,
      master_id: b.master.id,
      author: { id: found.user.id, name: found.user.name },
      rating: parsed.data.rating,
      text: parsed.data.text,
      reply: null,
      created_at: iso(Date.now()),
      replied_at: null,
    };
    mdb.reviews.set(review.id, review);
    b.review_id = review.id;
    return json(reviewSchema, review, 201);
  }),

  http.post<{ id: string }>(`${API}/reviews/:id/reply`, async ({ request, params }) => {
    const user = caller(request);
    if (!user) return unauthorized();
    const review = mdb.reviews.get(params.id);
    if (!review) return notFound();
    if (mdb.masters.get(review.master_id)?.user_id !== user.id) return problem(403, 'forbidden', 'Forbidden');
    if (review.reply) return problem(409, 'reply_exists', 'Conflict');
    const parsed = replyReviewInputSchema.safeParse(await request.json());
    if (!parsed.success) return validation(parsed.error);
    review.reply = parsed.data.text;
    review.replied_at = iso(Date.now());
    return json(reviewSchema, review);
  }),

  // ---- favourites -----------------------------------------------------------------------
  http.put<{ id: string }>(`${API}/favorites/masters/:id`, ({ request, params }) => {
    const user = caller(request);
    if (!user) return unauthorized();
    if (!mdb.masters.has(params.id)) return notFound();
    const list = mdb.favorites.get(user.id) ?? [];
    if (!list.includes(params.id)) mdb.favorites.set(user.id, [params.id, ...list]);
    return noContent();
  }),

  http.delete<{ id: string }>(`${API}/favorites/masters/:id`, ({ request, params }) => {
    const user = caller(request);
    if (!user) return unauthorized();
    mdb.favorites.set(
      user.id,
      (mdb.favorites.get(user.id) ?? []).filter((id) => id !== params.id),
    );
    return noContent();
  }),

  http.get(`${API}/favorites/masters`, ({ request }) => {
    const user = caller(request);
    if (!user) return unauthorized();
    const items = (mdb.favorites.get(user.id) ?? [])
      .map((id) => mdb.masters.get(id))
      .filter((m): m is StoredMaster => m !== undefined)
      .map((m) => masterSummaryView(m, user, null));
    return json(mastersPageSchema, page(items, new URL(request.url)));
  }),
];
