import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ZodError, ZodType, ZodTypeDef } from 'zod';
import { useI18n, type MessageKey, type Translate } from '@/lib/i18n';
import { splitProblem, type SplitProblem } from '@/lib/problem';
import { ru } from '@/locales/catalog';

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
  // Compared by value: callers pass fresh literals on every render.
  const fieldsKey = fields.join('|');
  const aliasesKey = JSON.stringify(aliases);

  const computed = useMemo((): SplitProblem<F> => {
    if (!source) return { fieldErrors: {}, formError: null };
    if (source.kind === 'validation') return { fieldErrors: zodFieldErrors<F>(source.error, t), formError: null };
    return splitProblem(
      source.error,
      fieldsKey.split('|') as F[],
      t,
      JSON.parse(aliasesKey) as Partial<Record<string, F>>,
    );
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

/** What `register()` hands to a text-like field. */
export type RegisteredField = {
  name: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  error: string | undefined;
};

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export type UseFormOptions<V extends Record<string, unknown>, Out> = {
  /** Validates (and converts) the values before `onSubmit`; its messages are i18n keys. */
  schema: ZodType<Out, ZodTypeDef, unknown>;
  /** Initial values; their keys are the fields that server `errors[]` may point at. */
  defaults: V | (() => V);
  /** Server paths that belong to a field, e.g. { 'location.lat': 'lat' }. */
  aliases?: Partial<Record<string, keyof V & string>>;
  /** What is validated, when it is not `values` as they are (e.g. trimmed). */
  prepare?: (values: V) => unknown;
  /**
   * Called with the parsed values. A returned promise drives `submitting`; if it rejects,
   * the error (an ApiProblem) is spread over the fields and the form-level alert.
   */
  onSubmit: (data: Out, values: V) => unknown;
};

/**
 * The one form hook: values, `register()` for text-like fields, zod validation, server
 * problems (`errors[]`) mapped onto fields, focus on the first error, submit state.
 *
 *   const form = useForm({ schema, defaults, onSubmit: (data) => mutation.mutateAsync(data) });
 *   <form {...form.formProps}> <TextField label=… {...form.register('email')} /> …
 */
export function useForm<V extends Record<string, unknown>, Out>(options: UseFormOptions<V, Out>) {
  const [values, setValues] = useState<V>(options.defaults);
  const [submitting, setSubmitting] = useState(false);
  const fields = Object.keys(values) as (keyof V & string)[];
  const errors = useFormErrors(fields, options.aliases);
  const formRef = useRef<HTMLFormElement>(null);
  const latest = useRef(options);
  latest.current = options;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const { errorVersion, clearField, setServerError, setValidationError, reset: resetErrors } = errors;
  useEffect(() => {
    if (errorVersion) focusFirstError(formRef.current);
  }, [errorVersion]);

  const setValue = useCallback(
    <K extends keyof V & string>(field: K, value: V[K]) => {
      setValues((v) => ({ ...v, [field]: value }));
      clearField(field);
    },
    [clearField],
  );

  const register = <K extends StringKeys<V>>(field: K): RegisteredField & { name: K } => ({
    name: field,
    value: values[field] as string,
    onChange: (event: { target: { value: string } }) => setValue(field, event.target.value as V[K]),
    error: errors.fieldErrors[field],
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const { schema, prepare, onSubmit } = latest.current;
    const parsed = schema.safeParse(prepare ? prepare(values) : values);
    if (!parsed.success) {
      setValidationError(parsed.error);
      return;
    }
    resetErrors();
    let result: unknown;
    try {
      result = onSubmit(parsed.data, values);
    } catch (error) {
      setServerError(error);
      return;
    }
    if (result instanceof Promise) {
      setSubmitting(true);
      result.then(
        () => mounted.current && setSubmitting(false),
        (error: unknown) => {
          if (!mounted.current) return;
          setSubmitting(false);
          setServerError(error);
        },
      );
    }
  };

  return {
    values,
    setValue,
    /** Replaces the values (e.g. after a save) and hides every message. */
    reset: useCallback(
      (next: V) => {
        setValues(next);
        resetErrors();
      },
      [resetErrors],
    ),
    register,
    fieldErrors: errors.fieldErrors,
    formError: errors.formError,
    /** For errors that do not come from `onSubmit` (another button of the form). */
    setServerError,
    submitting,
    submit,
    formProps: { ref: formRef, noValidate: true, onSubmit: submit },
  };
}
