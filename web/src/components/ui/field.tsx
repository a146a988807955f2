import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/** What the Field hands to its control: ids and ARIA wiring for the label, hint and error. */
export type FieldControlProps = {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'data-testid': string;
};

export type FieldProps = {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
  id?: string | undefined;
  className?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
};

/** A label, one control, and under it the error (or else the hint). Every form field is one. */
export function Field({ label, name, error, hint, id, className, children }: FieldProps) {
  const autoId = useId();
  const inputId = id ?? `${name}-${autoId}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={['field', error && 'field--invalid', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      {children({
        id: inputId,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'data-testid': `input-${name}`,
      })}
      {error ? (
        <p className="field__error" id={errorId} data-testid={`error-${name}`}>
          {error}
        </p>
      ) : (
        hint && (
          <p className="field__hint" id={hintId}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

type FieldOwnProps = Omit<FieldProps, 'children'>;

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> &
  FieldOwnProps & {
    /** Rendered inside the input box on the right, e.g. a show-password toggle. */
    trailing?: ReactNode;
  };

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, name, error, hint, trailing, className, id, ...rest },
  ref,
) {
  return (
    <Field label={label} name={name} error={error} hint={hint} id={id} className={className}>
      {(control) => (
        <div className="field__control">
          <input ref={ref} {...control} className="field__input" {...rest} />
          {trailing}
        </div>
      )}
    </Field>
  );
});

export type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & FieldOwnProps & { children: ReactNode };

/** A native <select> with the Field's label, hint and error wiring. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, name, error, hint, className, id, children, ...rest },
  ref,
) {
  return (
    <Field label={label} name={name} error={error} hint={hint} id={id} className={className}>
      {(control) => (
        <select ref={ref} {...control} className="field__input field__select" {...rest}>
          {children}
        </select>
      )}
    </Field>
  );
});

export type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldOwnProps;

/** A multi-line text field. */
export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea(
  { label, name, error, hint, className, id, rows = 3, ...rest },
  ref,
) {
  return (
    <Field label={label} name={name} error={error} hint={hint} id={id} className={className}>
      {(control) => <textarea ref={ref} {...control} rows={rows} className="field__input field__textarea" {...rest} />}
    </Field>
  );
});
