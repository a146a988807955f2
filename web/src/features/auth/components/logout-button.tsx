import { Button } from '@/components/ui/button';
import { useLogout } from '@/features/auth/api/logout';
import { useI18n } from '@/lib/i18n';

export function LogoutButton() {
  const { t } = useI18n();
  const logout = useLogout();
  return (
    <Button
      variant="ghost"
      size="sm"
      data-testid="logout-button"
      loading={logout.isPending}
      onClick={() => logout.mutate()}
    >
      {t('auth.logout')}
    </Button>
  );
}
