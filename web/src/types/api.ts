import { z } from 'zod';

// Shapes shared by several features. Each endpoint file owns its own input schema;
// these are the resources that more than one feature reads.

export const roleSchema = z.enum(['client', 'master', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type GeoLocation = z.infer<typeof locationSchema>;

// ---------------------------------------------------------------------------------------
// Photos. A Media is made by an upload (features/media) and shown by several features
// (avatars, portfolios); its variants are WebP with a JPEG twin.

export const mediaPurposeSchema = z.enum(['avatar', 'portfolio', 'post', 'chat']);
export type MediaPurpose = z.infer<typeof mediaPurposeSchema>;

export const mediaStatusSchema = z.enum(['pending', 'processing', 'ready', 'failed']);
export type MediaStatus = z.infer<typeof mediaStatusSchema>;

export const mediaFailureReasonSchema = z.enum(['unsupported_type', 'too_large', 'corrupt', 'processing_error']);
export type MediaFailureReason = z.infer<typeof mediaFailureReasonSchema>;

export const mediaVariantSchema = z.object({
  url: z.string(),
  jpeg_url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type MediaVariant = z.infer<typeof mediaVariantSchema>;

/** thumb: a 160×160 centre crop; medium and large: 640 and 1280 px on the long side (never scaled up). */
export const mediaVariantsSchema = z.object({
  thumb: mediaVariantSchema,
  medium: mediaVariantSchema,
  large: mediaVariantSchema,
});
export type MediaVariants = z.infer<typeof mediaVariantsSchema>;

export const mediaSchema = z.object({
  id: z.string(),
  owner_id: z.string(),
  purpose: mediaPurposeSchema,
  status: mediaStatusSchema,
  failure_reason: mediaFailureReasonSchema.nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** BlurHash (4×3 components) to paint while the image loads. */
  placeholder: z.string().nullable(),
  variants: mediaVariantsSchema.nullable(),
  created_at: z.string(),
});
export type Media = z.infer<typeof mediaSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  avatar_url: z.string().nullable(),
  /** Coming with PATCH /users/me {avatar_media_id}: every variant of the avatar. */
  avatar: mediaVariantsSchema.nullable().optional(),
  city: z.string().nullable(),
  location: locationSchema.nullable(),
  interests: z.array(z.string()),
  created_at: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const authResponseSchema = z.object({
  user: userSchema,
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().positive(),
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const problemSchema = z
  .object({
    type: z.string().optional(),
    title: z.string().optional(),
    status: z.number().optional(),
    detail: z.string().optional(),
    code: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .passthrough();
export type ProblemDocument = z.infer<typeof problemSchema>;

// ---------------------------------------------------------------------------------------
// Marketplace: masters, services, bookings, reviews. Money is integer minor units plus an
// ISO 4217 currency; timestamps are RFC 3339 UTC.

/** A catalogue entry: GET /categories lists them, master resources embed them. */
export const categorySchema = z.object({
  id: z.string(),
  parent_id: z.string().nullable(),
  slug: z.string(),
  name_ru: z.string(),
  name_en: z.string(),
});
export type Category = z.infer<typeof categorySchema>;

export const ratingSchema = z.object({
  avg: z.number().nullable(),
  count: z.number().int().nonnegative(),
});
export type Rating = z.infer<typeof ratingSchema>;

export const serviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  category_id: z.string(),
  price_minor: z.number().int(),
  currency: z.string(),
  duration_min: z.number().int(),
  active: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

export const bookingRulesSchema = z.object({
  min_notice_min: z.number().int(),
  horizon_days: z.number().int(),
  slot_step_min: z.number().int(),
  buffer_min: z.number().int(),
  auto_confirm: z.boolean(),
  max_per_day: z.number().int().nullable(),
});
export type BookingRules = z.infer<typeof bookingRulesSchema>;

export const masterProfileSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  display_name: z.string(),
  bio: z.string().nullable(),
  categories: z.array(categorySchema),
  address: z.string().nullable(),
  city: z.string().nullable(),
  location: locationSchema.nullable(),
  timezone: z.string(),
  booking_rules: bookingRulesSchema,
  rating: ratingSchema,
  services: z.array(serviceSchema),
  is_favorite: z.boolean(),
  distance_m: z.number().nullable().optional(),
  /** Coming: the master's avatar (thumb URL). */
  avatar_url: z.string().nullable().optional(),
});
export type MasterProfile = z.infer<typeof masterProfileSchema>;

export const masterSummarySchema = z.object({
  id: z.string(),
  display_name: z.string(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  location: locationSchema.nullable(),
  categories: z.array(categorySchema),
  rating: ratingSchema,
  distance_m: z.number().nullable().optional(),
  min_price_minor: z.number().int().nullable(),
  currency: z.string().nullable(),
  is_favorite: z.boolean(),
  /** Coming: the master's avatar (thumb URL). */
  avatar_url: z.string().nullable().optional(),
  /** Coming: the thumb of the first portfolio photo. */
  cover_url: z.string().nullable().optional(),
});
export type MasterSummary = z.infer<typeof masterSummarySchema>;

/** A page of a cursor-paginated list. */
export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

export const mastersPageSchema = pageSchema(masterSummarySchema);
export type MastersPage = z.infer<typeof mastersPageSchema>;

export const bookingStatusSchema = z.enum(['pending', 'confirmed', 'cancelled', 'completed', 'no_show']);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const bookingSchema = z.object({
  id: z.string(),
  status: bookingStatusSchema,
  client: z.object({ id: z.string(), name: z.string() }),
  // `timezone` is not in the contract yet; when the server adds it, times use the master's zone.
  master: z.object({ id: z.string(), display_name: z.string(), timezone: z.string().optional() }),
  service: z.object({ id: z.string(), name: z.string() }),
  start_at: z.string(),
  end_at: z.string(),
  price_minor: z.number().int(),
  currency: z.string(),
  comment: z.string().nullable(),
  cancel_reason: z.string().nullable(),
  created_at: z.string(),
  review_id: z.string().nullable(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const bookingsPageSchema = pageSchema(bookingSchema);
export type BookingsPage = z.infer<typeof bookingsPageSchema>;

export const reviewSchema = z.object({
  id: z.string(),
  booking_id: z.string(),
  master_id: z.string(),
  author: z.object({ id: z.string(), name: z.string(), avatar_url: z.string().nullable().optional() }),
  rating: z.number().int().min(1).max(5),
  text: z.string().nullable(),
  reply: z.string().nullable(),
  created_at: z.string(),
  replied_at: z.string().nullable(),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewsPageSchema = pageSchema(reviewSchema);
export type ReviewsPage = z.infer<typeof reviewsPageSchema>;

// ---------------------------------------------------------------------------------------
// Social: people as lists show them, and posts. A Post is read by the posts feature (cards,
// comments, the composer, a user's grid) and the feed feature (its pages).

/** A person in a list (followers, likes, comment authors, the one who reposted). */
export const userCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  avatar_url: z.string().nullable(),
  role: roleSchema,
  master_id: z.string().nullable(),
});
export type UserCard = z.infer<typeof userCardSchema>;

/** A post's photo: what components/ui/photo.tsx needs (variants as a Media has them). */
export const postMediaSchema = z.object({
  id: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  placeholder: z.string().nullable(),
  variants: mediaVariantsSchema.nullable(),
});
export type PostMedia = z.infer<typeof postMediaSchema>;

export const postCountsSchema = z.object({
  likes: z.number().int().nonnegative(),
  comments: z.number().int().nonnegative(),
  reposts: z.number().int().nonnegative(),
});
export type PostCounts = z.infer<typeof postCountsSchema>;

export const postSchema = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), name: z.string(), avatar_url: z.string().nullable(), master_id: z.string().nullable() }),
  /** ≤ 2200 characters, may be empty. */
  text: z.string(),
  media: z.array(postMediaSchema),
  category: z.object({ id: z.string(), name: z.string(), slug: z.string().optional() }).nullable(),
  /** "Book this look": an active service of the author. */
  service: z
    .object({ id: z.string(), name: z.string(), price_minor: z.number().int(), currency: z.string(), duration_min: z.number().int() })
    .nullable(),
  counts: postCountsSchema,
  viewer: z.object({ liked: z.boolean(), reposted: z.boolean() }),
  created_at: z.string(),
  edited_at: z.string().nullable(),
  /** Set on a feed item that is someone's repost of the post. */
  repost: z
    .object({ by: userCardSchema, comment: z.string().nullable(), created_at: z.string() })
    .nullable()
    .default(null),
});
export type Post = z.infer<typeof postSchema>;

export const postsPageSchema = pageSchema(postSchema);
export type PostsPage = z.infer<typeof postsPageSchema>;
