import { Avatar } from '@/components/ui/avatar';
import { useI18n } from '@/lib/i18n';
import '@/features/chats/styles/chats.css';

/** An avatar with a green dot while the person is online. */
export function ChatAvatar({ name, src, online }: { name: string; src: string | null; online: boolean }) {
  const { t } = useI18n();
  return (
    <span className="chat-avatar">
      <Avatar name={name} src={src} size="md" />
      {online && <span className="chat-avatar__dot" role="img" aria-label={t('chats.online')} data-testid="online-dot" />}
    </span>
  );
}
