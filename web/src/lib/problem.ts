import { isApiProblem } from '@/lib/api-client';
import type { MessageKey, Translate } from '@/lib/i18n';

/** Codes whose text we translate instead of showing the server's English title. */
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  network_error: 'errors.network',
  service_unavailable: 'errors.service_unavailable',
  invalid_response: 'errors.invalid_response',
  invalid_credentials: 'auth.invalid_credentials',
  email_taken: 'auth.email_taken',
  token_expired: 'auth.session_expired',
  blocked: 'chats.error_blocked',
};

export type ProblemText = { title: string; detail?: string };

/** A human sentence for any error thrown by the API client. */
export function describeProblem(error: unknown, t: Translate): ProblemText {
  if (!isApiProblem(error)) return { title: t('errors.generic') };
  if (error.code === 'rate_limited' || error.status === 429) {
    return {
      title:
        error.retryAfter !== undefined
          ? t('errors.rate_limited', { seconds: error.retryAfter })
          : t('errors.rate_limited_later'),
    };
  }
  const key = CODE_MESSAGES[error.code] ?? (error.status === 503 ? 'errors.service_unavailable' : undefined);
  if (key) return { title: t(key) };
  if (error.title && error.detail) return { title: error.title, detail: error.detail };
  return { title: error.detail || error.title || t('errors.generic') };
}

export function problemMessage(error: unknown, t: Translate): string {
  const { title, detail } = describeProblem(error, t);
  return detail ? `${title}: ${detail}` : title;
}

/** "/location/lat", "location.lat", "body.location[0]" → "location.lat" style paths. */
export function normalizeFieldPath(field: string): string {
  return field
    .replace(/^\/+/, '')
    .replace(/\//g, '.')
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/^body\./, '');
}

export type SplitProblem<F extends string> = {
  fieldErrors: Partial<Record<F, string>>;
  formError: string | null;
};

/**
 * Distributes a problem over a form: `errors[]` entries go next to their field (first
 * message wins), everything else becomes one form-level message.
 *
 * `aliases` maps server paths onto form fields, e.g. { 'location.lat': 'lat' }; a path that
 * is not a field and not aliased is matched by its first segment.
 */
export function splitProblem<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: Translate,
  aliases: Partial<Record<string, F>> = {},
): SplitProblem<F> {
  const fieldErrors: Partial<Record<F, string>> = {};
  if (!isApiProblem(error)) return { fieldErrors, formError: problemMessage(error, t) };

  const asField = (raw: string): F | undefined => {
    const path = normalizeFieldPath(raw);
    if (aliases[path]) return aliases[path];
    if ((fields as readonly string[]).includes(path)) return path as F;
    const head = path.split('.')[0] ?? '';
    if (aliases[head]) return aliases[head];
    return (fields as readonly string[]).includes(head) ? (head as F) : undefined;
  };

  const leftovers: string[] = [];
  for (const { field, message } of error.errors) {
    const target = asField(field);
    if (target && !fieldErrors[target]) fieldErrors[target] = message;
    else if (!target) leftovers.push(field ? `${field}: ${message}` : message);
  }

  // A conflict on the e-mail may come with or without errors[]; translate it either way.
  if (error.code === 'email_taken' && (fields as readonly string[]).includes('email')) {
    fieldErrors['email' as F] = t('auth.email_taken');
  }

  const matched = Object.keys(fieldErrors).length > 0;
  let formError: string | null = null;
  if (leftovers.length > 0) formError = leftovers.join('; ');
  else if (!matched) formError = problemMessage(error, t);
  return { fieldErrors, formError };
}
