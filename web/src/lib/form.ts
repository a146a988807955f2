import { useCallback, useMemo, useState } from 'react';
import type { ZodError } from 'zod';
import { useI18n, type MessageKey, type Translate } from '@/lib/i18n';
import { splitProblem, type SplitProblem } from '@/lib/problem';
import { ru } from '@/locales/ru';

function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(ru, value);
}

/**
 * Our zod schemas carry i18n keys as their messages; this turns the issues of a failed
 * parse into translated messages per top-level field (first issue wins).
 */
export function zodFieldErrors<F extends string>(error: ZodError, t: Translate): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '') as F;
    if (out[field]) continue;
    out[field] = isMessageKey(issue.message) ? t(issue.message) : issue.message;
  }
  return out;
}

/** UTF-8 length, which is what bcrypt (and so the server) limits. */
export function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length;
}

type ErrorSource = { kind: 'validation'; error: ZodError } | { kind: 'server'; error: unknown } | null;

/**
 * Error state of a form. It keeps the *source* (zod issues or an API problem) rather than
 * strings, so switching the language re-translates the visible messages; editing a field
 * hides that field's message until the next submit.
 */
export function useFormErrors<F extends string>(fields: readonly F[], aliases: Partial<Record<string, F>> = {}) {
  const { t } = useI18n();
  const [source, setSource] = useState<ErrorSource>(null);
  const [cleared, setCleared] = useState<ReadonlySet<string>>(() => new Set());
  const fieldsKey = fields.join('|');
  const aliasesKey = JSON.stringify(aliases);

  const computed = useMemo((): SplitProblem<F> => {
    if (!source) return { fieldErrors: {}, formError: null };
    if (source.kind === 'validation') return { fieldErrors: zodFieldErrors<F>(source.error, t), formError: null };
    return splitProblem(source.error, fields, t, aliases);
    // fields/aliases are compared by value: callers pass fresh literals on every render.
  }, [source, t, fieldsKey, aliasesKey]);

  const fieldErrors: Partial<Record<F, string>> = {};
  for (const [field, message] of Object.entries(computed.fieldErrors) as [F, string][]) {
    if (!cleared.has(field)) fieldErrors[field] = message;
  }

  const show = useCallback((next: ErrorSource) => {
    setCleared(new Set());
    setSource(next);
  }, []);

  return {
    fieldErrors,
    formError: computed.formError,
    /** Bumps on every new error so the form can move focus to it. */
    errorVersion: source,
    setValidationError: useCallback((error: ZodError) => show({ kind: 'validation', error }), [show]),
    setServerError: useCallback((error: unknown) => show({ kind: 'server', error }), [show]),
    clearField: useCallback((field: F) => {
      setCleared((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
    }, []),
    reset: useCallback(() => show(null), [show]),
  };
}

/** Moves focus to the first invalid input of a form, or to its form-level alert. */
export function focusFirstError(form: HTMLFormElement | null): void {
  if (!form) return;
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
    return;
  }
  const alert = form.querySelector<HTMLElement>('[role="alert"]');
  if (alert) {
    alert.tabIndex = -1;
    alert.focus();
  }
}
