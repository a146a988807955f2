import { Link, useLocation } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { loginInputSchema, useLogin } from '@/features/auth/api/login';
import { EmailField } from '@/features/auth/components/email-field';
import { PasswordField } from '@/features/auth/components/password-field';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';

export function LoginForm() {
  const { t } = useI18n();
  const location = useLocation();
  const login = useLogin();
  const form = useForm({
    schema: loginInputSchema,
    defaults: { email: '', password: '' },
    // On success the session guard sends us on to the profile (or ?redirect=).
    onSubmit: (input) => login.mutateAsync(input),
  });

  return (
    <form {...form.formProps} className="form" data-testid="login-form">
      {form.formError && <Alert data-testid="form-error">{form.formError}</Alert>}
      <EmailField {...form.register('email')} />
      <PasswordField
        label={t('auth.password')}
        autoComplete="current-password"
        {...form.register('password')}
      />
      <Button type="submit" block loading={form.submitting} data-testid="login-submit">
        {form.submitting ? t('auth.login.pending') : t('auth.login.submit')}
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
