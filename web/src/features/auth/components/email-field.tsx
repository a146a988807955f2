import { TextField } from '@/components/ui/field';
import type { RegisteredField } from '@/lib/form';
import { useI18n } from '@/lib/i18n';

/** The e-mail input of the sign-in and sign-up forms: phones must not capitalise or "correct" it. */
export function EmailField(props: RegisteredField) {
  const { t } = useI18n();
  return (
    <TextField
      label={t('auth.email')}
      type="email"
      autoComplete="email"
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      {...props}
    />
  );
}
