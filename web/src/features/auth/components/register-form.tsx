import { Link, useLocation } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { registerInputSchema, useRegister, type RegisterInput } from '@/features/auth/api/register';
import { EmailField } from '@/features/auth/components/email-field';
import { PasswordField } from '@/features/auth/components/password-field';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import '@/features/auth/styles/auth.css';

const ROLES = ['client', 'master'] as const;

export function RegisterForm() {
  const { t } = useI18n();
  const location = useLocation();
  const registration = useRegister();
  const form = useForm({
    schema: registerInputSchema,
    defaults: (): RegisterInput => ({ email: '', password: '', name: '', role: 'client' }),
    onSubmit: (input) => registration.mutateAsync(input),
  });
  const roleError = form.fieldErrors.role;

  return (
    <form {...form.formProps} className="form" data-testid="register-form">
      {form.formError && <Alert data-testid="form-error">{form.formError}</Alert>}
      <TextField label={t('auth.name')} autoComplete="name" maxLength={100} {...form.register('name')} />
      <EmailField {...form.register('email')} />
      <PasswordField
        label={t('auth.password')}
        autoComplete="new-password"
        hint={t('auth.password_hint')}
        {...form.register('password')}
      />
      <fieldset className="role-picker" aria-describedby={roleError ? 'role-error' : undefined}>
        <legend className="field__label">{t('auth.role')}</legend>
        <div className="role-picker__options">
          {ROLES.map((role) => (
            <label key={role} className="role-option">
              <input
                type="radio"
                name="role"
                value={role}
                checked={form.values.role === role}
                data-testid={`role-${role}`}
                onChange={() => form.setValue('role', role)}
              />
              <span className="role-option__text">
                <span className="role-option__title">{t(`role.${role}`)}</span>
                <span className="role-option__hint">{t(`role.${role}_hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        {roleError && (
          <p className="field__error" id="role-error" data-testid="error-role">
            {roleError}
          </p>
        )}
      </fieldset>
      <Button type="submit" block loading={form.submitting} data-testid="register-submit">
        {form.submitting ? t('auth.register.pending') : t('auth.register.submit')}
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
