import type { Interval, WeeklyInterval } from '@/features/schedule/api/get-schedule';
import { categories, createUser, db, type StoredUser } from '@/testing/mocks/db';
import { coverOf } from '@/testing/mocks/media-db';
import type { Booking, BookingRules, Category, GeoLocation, MasterProfile, MasterSummary, Review, Service } from '@/types/api';

// The marketplace half of the mock server: masters, services, schedules, bookings, reviews
// and favourites. It follows the API contract (transitions, idempotency), not the server's
// implementation, and is reset after every test. Free slots are not computed here: tests
// seed a response recorded from the server (seedSlots + testing/fixtures/).

export type StoredMaster = {
  id: string;
  user_id: string;
  display_name: string;
  bio: string;
  category_ids: string[];
  address: string;
  city: string;
  location: GeoLocation | null;
  timezone: string;
  booking_rules: BookingRules;
};

export type StoredService = Service & { master_id: string };

type IdempotencyRecord = { body: string; bookingId: string };

export const DEFAULT_RULES: BookingRules = {
  min_notice_min: 120,
  horizon_days: 60,
  slot_step_min: 15,
  buffer_min: 0,
  auto_confirm: false,
  max_per_day: null,
};

export const mdb = {
  masters: new Map<string, StoredMaster>(),
  services: new Map<string, StoredService>(),
  weekly: new Map<string, WeeklyInterval[]>(),
  exceptions: new Map<string, Map<string, Interval[]>>(),
  bookings: new Map<string, Booking>(),
  reviews: new Map<string, Review>(),
  /** user id → master ids, in the order they were added. */
  favorites: new Map<string, string[]>(),
  idempotency: new Map<string, IdempotencyRecord>(),
  /** service id → the recorded slots answer (see seedSlots). */
  slots: new Map<string, RecordedSlots>(),
  counter: 0,
  calls: {
    bookingKeys: [] as (string | null)[],
    searches: [] as URLSearchParams[],
    profilePuts: [] as unknown[],
    servicePosts: [] as unknown[],
    servicePatches: [] as unknown[],
    schedulePuts: [] as unknown[],
  },
};

export function resetMarketplaceDb(): void {
  mdb.masters.clear();
  mdb.services.clear();
  mdb.weekly.clear();
  mdb.exceptions.clear();
  mdb.bookings.clear();
  mdb.reviews.clear();
  mdb.favorites.clear();
  mdb.idempotency.clear();
  mdb.slots.clear();
  mdb.counter = 0;
  mdb.calls = { bookingKeys: [], searches: [], profilePuts: [], servicePosts: [], servicePatches: [], schedulePuts: [] };
}

/** Ids distinct from the user ids of db.ts. */
export function nextMarketId(prefix: string): string {
  mdb.counter += 1;
  return `${prefix}-0000-4000-8000-${String(mdb.counter).padStart(12, '0')}`;
}

export function categoryById(id: string): Category | undefined {
  return categories.find((c) => c.id === id);
}

// ---------------------------------------------------------------------------------------
// Time zones without a library: the zone's offset at an instant, from Intl.

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant;
}

export function todayIn(timeZone: string, now = Date.now()): string {
  return new Date(now + zoneOffsetMs(now, timeZone)).toISOString().slice(0, 10);
}

/** A slots answer as the server gives it (GET /masters/{id}/slots, OpenAPI `SlotList`). */
export type RecordedSlots = {
  timezone: string;
  service_id: string;
  duration_min: number;
  items: { start_at: string; end_at: string; local_start: string }[];
};

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * The free slots the mock serves for a service: a response recorded from the server
 * (testing/fixtures/slots-*.json), not computed here: the server owns the slot rules.
 * `service_id` in a fixture is a placeholder; this sets the seeded service's id.
 */
export function seedSlots(service: StoredService, recorded: RecordedSlots): void {
  mdb.slots.set(service.id, { ...recorded, service_id: service.id, duration_min: service.duration_min });
}

// ---------------------------------------------------------------------------------------
// Views.

function haversineMeters(a: GeoLocation, b: GeoLocation): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export function distanceTo(master: StoredMaster, from: GeoLocation | null): number | undefined {
  return from && master.location ? Math.round(haversineMeters(from, master.location)) : undefined;
}

export function ratingOf(masterId: string): { avg: number | null; count: number } {
  const reviews = [...mdb.reviews.values()].filter((r) => r.master_id === masterId);
  if (reviews.length === 0) return { avg: null, count: 0 };
  return { avg: reviews.reduce((s, r) => s + r.rating, 0) / reviews.length, count: reviews.length };
}

export function servicesOf(masterId: string, { activeOnly }: { activeOnly: boolean }): StoredService[] {
  return [...mdb.services.values()].filter((s) => s.master_id === masterId && (!activeOnly || s.active));
}

export function publicService(s: StoredService): Service {
  const { master_id: _master, ...rest } = s;
  return rest;
}

export function isFavorite(viewer: StoredUser | undefined, masterId: string): boolean {
  return viewer ? (mdb.favorites.get(viewer.id) ?? []).includes(masterId) : false;
}

export function masterProfileView(m: StoredMaster, viewer: StoredUser | undefined, from: GeoLocation | null): MasterProfile {
  const distance = distanceTo(m, from);
  return {
    id: m.id,
    user_id: m.user_id,
    display_name: m.display_name,
    bio: m.bio,
    categories: m.category_ids.map(categoryById).filter((c): c is Category => c !== undefined),
    address: m.address,
    city: m.city,
    location: m.location,
    timezone: m.timezone,
    booking_rules: m.booking_rules,
    rating: ratingOf(m.id),
    services: servicesOf(m.id, { activeOnly: true }).map(publicService),
    is_favorite: isFavorite(viewer, m.id),
    ...(distance !== undefined ? { distance_m: distance } : {}),
    avatar_url: db.users.get(m.user_id)?.avatar_url ?? null,
  };
}

export function masterSummaryView(m: StoredMaster, viewer: StoredUser | undefined, from: GeoLocation | null): MasterSummary {
  const prices = servicesOf(m.id, { activeOnly: true }).map((s) => s.price_minor);
  return {
    id: m.id,
    display_name: m.display_name,
    city: m.city,
    address: m.address,
    location: m.location,
    categories: m.category_ids.map(categoryById).filter((c): c is Category => c !== undefined),
    rating: ratingOf(m.id),
    distance_m: distanceTo(m, from) ?? null,
    min_price_minor: prices.length > 0 ? Math.min(...prices) : null,
    currency: 'RUB',
    is_favorite: isFavorite(viewer, m.id),
    avatar_url: db.users.get(m.user_id)?.avatar_url ?? null,
    cover_url: coverOf(m.id),
  };
}

export function masterOfUser(userId: string): StoredMaster | undefined {
  return [...mdb.masters.values()].find((m) => m.user_id === userId);
}

// ---------------------------------------------------------------------------------------
// Seeding helpers for tests.

export const MANICURE_ID = '10000000-0000-4000-8000-000000000002';
export const HAIRCUT_ID = '10000000-0000-4000-8000-000000000005';

export const WEEKDAYS_10_TO_19: WeeklyInterval[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  start: '10:00',
  end: '19:00',
}));

type SeedMasterInput = Partial<Omit<StoredMaster, 'id' | 'user_id'>> & {
  user?: Partial<StoredUser>;
  services?: Partial<Service>[];
  weekly?: WeeklyInterval[];
};

/** A master (user + profile + services + weekly hours) near the centre of Moscow. */
export function seedMaster(input: SeedMasterInput = {}): { user: StoredUser; master: StoredMaster; services: StoredService[] } {
  const { user: userInput, services = [{}], weekly = WEEKDAYS_10_TO_19, ...profile } = input;
  mdb.counter += 1;
  const user = createUser({
    email: `master${mdb.counter}@example.com`,
    password: 'correct horse battery',
    name: 'Мария',
    role: 'master',
    ...userInput,
  });
  const master: StoredMaster = {
    id: nextMarketId('20000000'),
    user_id: user.id,
    display_name: user.name,
    bio: 'Маникюр и покрытие гель-лаком',
    category_ids: [MANICURE_ID],
    address: 'ул. Тверская, 1',
    city: 'Москва',
    location: { lat: 55.7601, lon: 37.6186 },
    timezone: 'Europe/Moscow',
    booking_rules: { ...DEFAULT_RULES },
    ...profile,
  };
  mdb.masters.set(master.id, master);
  const stored = services.map((s) => addService(master.id, s));
  mdb.weekly.set(master.id, weekly);
  return { user, master, services: stored };
}

export function addService(masterId: string, input: Partial<Service> = {}): StoredService {
  const service: StoredService = {
    id: nextMarketId('30000000'),
    master_id: masterId,
    name: 'Маникюр с покрытием',
    description: 'Снятие, обработка, покрытие',
    category_id: MANICURE_ID,
    price_minor: 150_000,
    currency: 'RUB',
    duration_min: 90,
    active: true,
    ...input,
  };
  mdb.services.set(service.id, service);
  return service;
}

type SeedBookingInput = {
  client: StoredUser;
  master: StoredMaster;
  service: StoredService;
  start: string;
} & Partial<Booking>;

export function seedBooking({ client, master, service, start, ...rest }: SeedBookingInput): Booking {
  const startMs = Date.parse(start);
  const booking: Booking = {
    id: nextMarketId('40000000'),
    status: 'pending',
    client: { id: client.id, name: client.name },
    master: { id: master.id, display_name: master.display_name },
    service: { id: service.id, name: service.name },
    start_at: iso(startMs),
    end_at: iso(startMs + service.duration_min * 60_000),
    price_minor: service.price_minor,
    currency: service.currency,
    comment: '',
    cancel_reason: null,
    created_at: iso(Date.now()),
    review_id: null,
    ...rest,
  };
  mdb.bookings.set(booking.id, booking);
  return booking;
}

export function userById(id: string): StoredUser | undefined {
  return db.users.get(id);
}
