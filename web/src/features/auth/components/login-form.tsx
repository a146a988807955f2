import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { loginInputSchema, useLogin, type LoginInput } from '@/features/auth/api/login';
import { PasswordField } from '@/features/auth/components/password-field';
import { focusFirstError, useFormErrors } from '@/lib/form';
import { useI18n } from '@/lib/i18n';

const FIELDS = ['email', 'password'] as const;

export function LoginForm() {
  const { t } = useI18n();
  const location = useLocation();
  const login = useLogin();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<LoginInput>({ email: '', password: '' });
  const errors = useFormErrors(FIELDS);

  useEffect(() => {
    if (errors.errorVersion) focusFirstError(formRef.current);
  }, [errors.errorVersion]);

  const update = (field: keyof LoginInput) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    errors.clearField(field);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = loginInputSchema.safeParse(values);
    if (!parsed.success) {
      errors.setValidationError(parsed.error);
      return;
    }
    errors.reset();
    // On success the session guard sends us on to the profile (or ?redirect=).
    login.mutate(parsed.data, { onError: errors.setServerError });
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} data-testid="login-form">
      {errors.formError && (
        <Alert data-testid="form-error">{errors.formError}</Alert>
      )}
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
        autoComplete="current-password"
        value={values.password}
        onChange={update('password')}
        error={errors.fieldErrors.password}
      />
      <Button type="submit" block loading={login.isPending} data-testid="login-submit">
        {login.isPending ? t('auth.login.pending') : t('auth.login.submit')}
      </Button>
      <p className="form__footer">
        {t('auth.login.no_account')}{' '}
        <Link to={{ pathname: '/register', search: location.search }} data-testid="to-register">
          {t('auth.login.to_register')}
        </Link>
      </p>
    </form>
  );
}
