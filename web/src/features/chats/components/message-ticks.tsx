import { useI18n, type MessageKey } from '@/lib/i18n';
import '@/features/chats/styles/chats.css';

export type TickState = 'sending' | 'failed' | 'sent' | 'delivered' | 'read';

const LABELS: Record<TickState, MessageKey> = {
  sending: 'chats.status_sending',
  failed: 'chats.status_failed',
  sent: 'chats.status_sent',
  delivered: 'chats.status_delivered',
  read: 'chats.status_read',
};

/** ✓ sent, ✓✓ delivered, coloured ✓✓ read; a clock while sending, "!" when it failed. */
export function MessageTicks({ state }: { state: TickState }) {
  const { t } = useI18n();
  const glyph = state === 'sending' ? '🕓︎' : state === 'failed' ? '!' : state === 'sent' ? '✓' : '✓✓';
  return (
    <span
      className={`ticks ticks--${state}`}
      role="img"
      aria-label={t(LABELS[state])}
      title={t(LABELS[state])}
      data-testid="message-status"
      data-status={state}
    >
      {glyph}
    </span>
  );
}
