import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import { useCreateChat } from '@/features/chats/api/create-chat';

/** "Message": opens the direct chat with `userId`, creating it on first use. */
export function StartChatButton({ userId }: { userId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateChat();
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={create.isPending}
      data-testid="start-chat"
      onClick={() =>
        create.mutate(
          { participant_ids: [userId] },
          {
            onSuccess: (chat) => navigate(`/chats/${chat.id}`),
            onError: (error) => toast.error(problemMessage(error, t)),
          },
        )
      }
    >
      {t('chats.message_button')}
    </Button>
  );
}
