import { useCallback } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { RetryButton } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { isApiProblem } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useChat } from '@/features/chats/api/get-chat';
import { useMessages } from '@/features/chats/api/get-messages';
import { Composer } from '@/features/chats/components/composer';
import { ConversationHeader } from '@/features/chats/components/conversation-header';
import { MessageList } from '@/features/chats/components/message-list';
import { PhotoDropZone } from '@/features/chats/components/photo-drop-zone';
import { typingText } from '@/features/chats/utils/typing-text';
import { useFreshPhotoLinks } from '@/features/chats/hooks/use-fresh-photo-links';
import { useMarkRead } from '@/features/chats/hooks/use-mark-read';
import { usePhotoAttachments } from '@/features/chats/hooks/use-photo-attachments';
import { useSendMessage } from '@/features/chats/hooks/use-send-message';
import { useTypingEmitter, useTypingUsers } from '@/features/chats/hooks/use-typing';
import type { ChatPhotoUpload } from '@/features/chats/types/photo-upload';
import { maxSeq } from '@/features/chats/utils/messages';
import '@/features/chats/styles/chats.css';

type Props = {
  chatId: string;
  meId: string;
  /** Uploads a photo picked in the send box (app/ passes features/media's). */
  PhotoUpload: ChatPhotoUpload;
};

/** One open conversation: header, messages, send box; photos dropped anywhere on it go to the send box. */
export function Conversation({ chatId, meId, PhotoUpload }: Props) {
  const { t } = useI18n();
  const photos = usePhotoAttachments();
  const chat = useChat(chatId);
  const messages = useMessages(chatId);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = messages;
  const loadOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const { send, retry, discard } = useSendMessage(chatId);
  const typingEmitter = useTypingEmitter(chatId);
  const refreshPhotoLinks = useFreshPhotoLinks(chatId);
  const typingIds = useTypingUsers(chatId);
  useMarkRead(chat.data, messages.data ? maxSeq(messages.data.items) : 0);

  const error = chat.isError ? chat.error : messages.isError ? messages.error : null;
  if (error && !(chat.data && messages.data)) {
    const missing = isApiProblem(error) && (error.status === 404 || error.status === 403);
    return (
      <Alert
        title={missing ? t('chats.not_found') : problemMessage(error, t)}
        data-testid="conversation-error"
        action={
          missing ? (
            <Link to="/chats" className="btn btn--secondary btn--sm">
              {t('chats.back')}
            </Link>
          ) : (
            <RetryButton
              onRetry={() => {
                void chat.refetch();
                void messages.refetch();
              }}
            />
          )
        }
      />
    );
  }
  if (!chat.data || !messages.data) return <PageSpinner label={t('common.loading')} />;

  return (
    <PhotoDropZone className="conversation" onFiles={photos.add} data-testid="conversation">
      <ConversationHeader chat={chat.data} meId={meId} typing={typingText(chat.data, typingIds, t)} />
      <MessageList
        chat={chat.data}
        meId={meId}
        state={messages.data}
        loadingOlder={messages.isFetchingNextPage}
        onLoadOlder={loadOlder}
        onRetry={retry}
        onDiscard={discard}
        onPhotoFailed={refreshPhotoLinks}
      />
      <Composer
        onSend={send}
        onInput={typingEmitter.onInput}
        onStopTyping={typingEmitter.stop}
        photos={photos}
        PhotoUpload={PhotoUpload}
      />
    </PhotoDropZone>
  );
}
