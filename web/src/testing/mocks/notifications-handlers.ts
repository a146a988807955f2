import { http, HttpResponse } from 'msw';
import type { ZodType } from 'zod';
import { markReadInputSchema } from '@/features/notifications/api/mark-read';
import {
  notificationsPageSchema,
  preferencesSchema,
  unreadCountSchema,
} from '@/features/notifications/types/notification';
import { userForAccessToken } from '@/testing/mocks/db';
import { API, problem } from '@/testing/mocks/handlers';
import { listOf, ndb, preferencesOf, unreadOf } from '@/testing/mocks/notifications-db';

// Every response body is parsed with the app's own schema, so mock and client cannot drift.

function json<T>(schema: ZodType<T>, body: T, status = 200) {
  return HttpResponse.json(schema.parse(body) as never, { status });
}

const unauthorized = () => problem(401, 'token_expired', 'Unauthorized');

// Keyset cursors, like the server's: a page continues after the last item it showed, so an
// item that arrives at the top meanwhile does not shift the pages that follow.
const encodeCursor = (n: { latest_at: string; id: string }) => btoa(`${n.latest_at}|${n.id}`);
function decodeCursor(cursor: string): { latest_at: string; id: string } | null {
  try {
    const [latest_at, id] = atob(cursor).split('|');
    return latest_at && id ? { latest_at, id } : null;
  } catch {
    return null;
  }
}

export const notificationsHandlers = [
  http.get(`${API}/notifications`, ({ request }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return unauthorized();
    const params = new URL(request.url).searchParams;
    ndb.calls.lists.push(params);
    const limit = Math.min(Number(params.get('limit') ?? 20) || 20, 100);
    const types = params.get('types')?.split(',').filter(Boolean);
    const cursorParam = params.get('cursor');
    const cursor = cursorParam ? decodeCursor(cursorParam) : null;
    if (cursorParam && !cursor) return problem(400, 'invalid_cursor', 'Bad Request');
    const all = listOf(user.id)
      .filter((n) => !types || types.includes(n.type))
      .filter(
        (n) => !cursor || n.latest_at < cursor.latest_at || (n.latest_at === cursor.latest_at && n.id < cursor.id),
      );
    const items = all.slice(0, limit);
    const last = items[items.length - 1];
    return json(notificationsPageSchema, {
      items,
      next_cursor: all.length > limit && last ? encodeCursor(last) : null,
    });
  }),

  http.get(`${API}/notifications/unread_count`, ({ request }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return unauthorized();
    return json(unreadCountSchema, { count: unreadOf(user.id) });
  }),

  http.post(`${API}/notifications/read`, async ({ request }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return unauthorized();
    const body = await request.json();
    ndb.calls.reads.push(body);
    const parsed = markReadInputSchema.safeParse(body);
    if (!parsed.success) return problem(422, 'validation_failed', 'Validation failed');
    const input = parsed.data;
    const hit = (id: string) => 'all' in input || input.ids.includes(id);
    ndb.items.set(
      user.id,
      (ndb.items.get(user.id) ?? []).map((n) => (hit(n.id) ? { ...n, read: true } : n)),
    );
    return new HttpResponse(null, { status: 204 });
  }),

  http.get(`${API}/notifications/preferences`, ({ request }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return unauthorized();
    return json(preferencesSchema, preferencesOf(user.id));
  }),

  http.put(`${API}/notifications/preferences`, async ({ request }) => {
    const user = userForAccessToken(request.headers.get('Authorization'));
    if (!user) return unauthorized();
    const body = await request.json();
    ndb.calls.puts.push(body);
    const parsed = preferencesSchema.safeParse(body);
    if (!parsed.success) {
      return problem(422, 'validation_failed', 'Validation failed', {
        errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      });
    }
    ndb.preferences.set(user.id, parsed.data);
    return json(preferencesSchema, parsed.data);
  }),
];
