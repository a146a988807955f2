import { delay, http, HttpResponse } from 'msw';
import { loginInputSchema, type LoginInput } from '@/features/auth/api/login';
import { logoutInputSchema, type LogoutInput } from '@/features/auth/api/logout';
import { registerInputSchema, type RegisterInput } from '@/features/auth/api/register';
import { categoriesResponseSchema, type CategoriesResponse } from '@/features/profile/api/get-categories';
import { updateAvatarInputSchema } from '@/features/profile/api/update-avatar';
import { updateLocaleInputSchema } from '@/features/profile/api/update-locale';
import { updateProfileInputSchema, type UpdateProfileInput } from '@/features/profile/api/update-profile';
import {
  categories,
  createUser,
  db,
  findUserByEmail,
  issueTokens,
  publicUser,
  revokeFamily,
  userForAccessToken,
} from '@/testing/mocks/db';
import { mediaDb } from '@/testing/mocks/media-db';
import { authResponseSchema, userSchema, type AuthResponse, type ProblemDocument, type User } from '@/types/api';
import type { ZodError } from 'zod';

// Request and response bodies are typed from the same zod schemas the app uses, and every
// response body is parsed with them too, so a drift between mock and client fails loudly.

export const API = '*/api/v1';

export function problem(
  status: number,
  code: string,
  title: string,
  extra: Partial<ProblemDocument> = {},
  headers: Record<string, string> = {},
): HttpResponse<ProblemDocument> {
  const body: ProblemDocument = { type: 'about:blank', title, status, code, ...extra };
  return HttpResponse.json<ProblemDocument>(body, { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

function validationProblem(error: ZodError) {
  return problem(422, 'validation_failed', 'Validation failed', {
    errors: error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  });
}

function authResponse(user: Parameters<typeof publicUser>[0], family?: number): AuthResponse {
  return authResponseSchema.parse({ user: publicUser(user), ...issueTokens(user.id, family) });
}

const unauthorized = () => problem(401, 'unauthorized', 'Unauthorized');

export const handlers = [
  http.post<never, RegisterInput, AuthResponse | ProblemDocument>(`${API}/auth/register`, async ({ request }) => {
    const parsed = registerInputSchema.safeParse(await request.json());
    if (!parsed.success) return validationProblem(parsed.error);
    if (findUserByEmail(parsed.data.email)) {
      return problem(409, 'email_taken', 'Conflict', {
        detail: 'Email is already registered',
        errors: [{ field: 'email', message: 'already registered' }],
      });
    }
    const user = createUser(parsed.data);
    return HttpResponse.json(authResponse(user), { status: 201 });
  }),

  http.post<never, LoginInput, AuthResponse | ProblemDocument>(`${API}/auth/login`, async ({ request }) => {
    const parsed = loginInputSchema.safeParse(await request.json());
    if (!parsed.success) return validationProblem(parsed.error);
    const user = findUserByEmail(parsed.data.email);
    if (!user || user.password !== parsed.data.password) {
      return problem(401, 'invalid_credentials', 'Unauthorized', { detail: 'Invalid email or password' });
    }
    return HttpResponse.json(authResponse(user));
  }),

  http.post<never, { refresh_token: string }, AuthResponse | ProblemDocument>(
    `${API}/auth/refresh`,
    async ({ request }) => {
      db.calls.refresh += 1;
      const { refresh_token } = await request.json();
      const record = db.refresh.get(refresh_token);
      if (!record || record.revoked) return unauthorized();
      if (record.used) {
        // Reuse of a rotated token: treat as theft and kill the family.
        revokeFamily(record.family);
        return unauthorized();
      }
      record.used = true;
      const user = db.users.get(record.userId);
      if (!user) return unauthorized();
      await delay(10);
      return HttpResponse.json(authResponse(user, record.family));
    },
  ),

  http.post<never, LogoutInput, ProblemDocument>(`${API}/auth/logout`, async ({ request }) => {
    const parsed = logoutInputSchema.safeParse(await request.json());
    if (!parsed.success) return validationProblem(parsed.error);
    db.calls.logout.push(parsed.data.refresh_token);
    const record = db.refresh.get(parsed.data.refresh_token);
    if (record) revokeFamily(record.family);
    return new HttpResponse(null, { status: 204 });
  }),

  http.get<never, never, User | ProblemDocument>(`${API}/users/me`, ({ request }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return problem(401, 'token_expired', 'Unauthorized');
    return HttpResponse.json(userSchema.parse(publicUser(user)));
  }),

  http.patch<never, UpdateProfileInput, User | ProblemDocument>(`${API}/users/me`, async ({ request }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return problem(401, 'token_expired', 'Unauthorized');
    const body = await request.json();
    db.calls.patches.push(body);
    if (typeof body === 'object' && body !== null && 'avatar_media_id' in body) {
      // Coming on the server: a ready photo of the user's, uploaded for an avatar, or null.
      const avatar = updateAvatarInputSchema.safeParse(body);
      if (!avatar.success) return validationProblem(avatar.error);
      const id = avatar.data.avatar_media_id;
      const media = id ? mediaDb.media.get(id) : undefined;
      if (id && (!media || media.owner_id !== user.id || media.status !== 'ready' || media.purpose !== 'avatar')) {
        return problem(422, 'validation_failed', 'Validation failed', {
          errors: [{ field: 'avatar_media_id', message: 'not a ready avatar photo' }],
        });
      }
      Object.assign(user, { avatar_url: media?.variants?.thumb.url ?? null, avatar: media?.variants ?? null });
      return HttpResponse.json(userSchema.parse(publicUser(user)));
    }
    if (typeof body === 'object' && body !== null && 'locale' in body) {
      // The language of the server's notification texts; the User resource does not show it.
      const locale = updateLocaleInputSchema.safeParse(body);
      if (!locale.success) return validationProblem(locale.error);
      return HttpResponse.json(userSchema.parse(publicUser(user)));
    }
    const parsed = updateProfileInputSchema.safeParse(body);
    if (!parsed.success) return validationProblem(parsed.error);
    Object.assign(user, parsed.data);
    return HttpResponse.json(userSchema.parse(publicUser(user)));
  }),

  http.get<never, never, CategoriesResponse>(`${API}/categories`, () =>
    HttpResponse.json(categoriesResponseSchema.parse({ items: categories })),
  ),
];
