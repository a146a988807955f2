import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { registerInputSchema, useRegister, type RegisterInput } from '@/features/auth/api/register';
import { PasswordField } from '@/features/auth/components/password-field';
import { focusFirstError, useFormErrors } from '@/lib/form';
import { useI18n } from '@/lib/i18n';

const FIELDS = ['email', 'password', 'name', 'role'] as const;
const ROLES = ['client', 'master'] as const;

export function RegisterForm() {
  const { t } = useI18n();
  const location = useLocation();
  const registration = useRegister();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<RegisterInput>({ email: '', password: '', name: '', role: 'client' });
  const errors = useFormErrors(FIELDS);

  useEffect(() => {
    if (errors.errorVersion) focusFirstError(formRef.current);
  }, [errors.errorVersion]);

  const update = (field: Exclude<keyof RegisterInput, 'role'>) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    errors.clearField(field);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = registerInputSchema.safeParse(values);
    if (!parsed.success) {
      errors.setValidationError(parsed.error);
      return;
    }
    errors.reset();
    registration.mutate(parsed.data, { onError: errors.setServerError });
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} data-testid="register-form">
      {errors.formError && (
        <Alert data-testid="form-error">{errors.formError}</Alert>
      )}
      <TextField
        label={t('auth.name')}
        name="name"
        autoComplete="name"
        maxLength={100}
        value={values.name}
        onChange={update('name')}
        error={errors.fieldErrors.name}
      />
      <TextField
        label={t('auth.email')}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        value={values.email}
        onChange={update('email')}
        error={errors.fieldErrors.email}
      />
      <PasswordField
        label={t('auth.password')}
        name="password"
        autoComplete="new-password"
        hint={t('auth.password_hint')}
        value={values.password}
        onChange={update('password')}
        error={errors.fieldErrors.password}
      />
      <fieldset className="role-picker" aria-describedby={errors.fieldErrors.role ? 'role-error' : undefined}>
        <legend className="field__label">{t('auth.role')}</legend>
        <div className="role-picker__options">
          {ROLES.map((role) => (
            <label key={role} className="role-option">
              <input
                type="radio"
                name="role"
                value={role}
                checked={values.role === role}
                data-testid={`role-${role}`}
                onChange={() => {
                  setValues((v) => ({ ...v, role }));
                  errors.clearField('role');
                }}
              />
              <span className="role-option__text">
                <span className="role-option__title">{t(`role.${role}`)}</span>
                <span className="role-option__hint">{t(`role.${role}_hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.fieldErrors.role && (
          <p className="field__error" id="role-error" data-testid="error-role">
            {errors.fieldErrors.role}
          </p>
        )}
      </fieldset>
      <Button type="submit" block loading={registration.isPending} data-testid="register-submit">
        {registration.isPending ? t('auth.register.pending') : t('auth.register.submit')}
      </Button>
      <p className="form__footer">
        {t('auth.register.have_account')}{' '}
        <Link to={{ pathname: '/login', search: location.search }} data-testid="to-login">
          {t('auth.register.to_login')}
        </Link>
      </p>
    </form>
  );
}
