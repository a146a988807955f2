import { useParams } from 'react-router';
import { PageSpinner } from '@/components/ui/spinner';
import { ChatList } from '@/features/chats/components/chat-list';
import { ConnectionBanner } from '@/features/chats/components/connection-banner';
import { Conversation } from '@/features/chats/components/conversation';
import type { ChatPhotoUploadProps } from '@/features/chats/types/photo-upload';
import { PhotoUploadItem } from '@/features/media/components/photo-upload-item';
import { useUser } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/chats/styles/chats.css';

/** A photo picked in a conversation uploads like every other photo (features/media), as a chat photo. */
function ChatPhotoUpload(props: ChatPhotoUploadProps) {
  return <PhotoUploadItem purpose="chat" {...props} data-testid="chat-photo-upload" />;
}

/** /chats and /chats/:id: the list and the open conversation; a phone shows one of them. */
export function ChatsRoute() {
  const { t } = useI18n();
  const { id } = useParams();
  const me = useUser();
  useDocumentTitle(t('chats.title'));
  const meId = me.data?.id;

  return (
    <section className={`chats${id ? ' chats--open' : ''}`} aria-labelledby="chats-title">
      <h1 id="chats-title" className="page__title chats__title" data-testid="page-title">
        {t('chats.title')}
      </h1>
      <ConnectionBanner />
      <div className="chats__layout">
        <div className="chats__list">
          <ChatList meId={meId} />
        </div>
        <div className="chats__conversation">
          {!id ? (
            <p className="chats__placeholder muted">{t('chats.select')}</p>
          ) : meId ? (
            <Conversation key={id} chatId={id} meId={meId} PhotoUpload={ChatPhotoUpload} />
          ) : (
            <PageSpinner label={t('common.loading')} />
          )}
        </div>
      </div>
    </section>
  );
}
