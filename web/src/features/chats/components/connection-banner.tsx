import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/i18n';
import { useRealtime, useRealtimeStatus } from '@/lib/realtime';
import '@/features/chats/styles/chats.css';

/** Says so while the realtime connection is being re-established or was given up. */
export function ConnectionBanner() {
  const { t } = useI18n();
  const realtime = useRealtime();
  const status = useRealtimeStatus();
  if (status === 'reconnecting') {
    return (
      <p className="connection-banner" role="status" data-testid="connection-banner">
        {t('chats.reconnecting')}
      </p>
    );
  }
  if (status === 'offline') {
    return (
      <div className="connection-banner connection-banner--offline" role="status" data-testid="connection-banner">
        <span>{t('chats.offline_banner')}</span>
        <Button variant="secondary" size="sm" onClick={() => realtime.reconnect()}>
          {t('chats.reconnect')}
        </Button>
      </div>
    );
  }
  return null;
}
