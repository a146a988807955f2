import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';

/** The "Retry" button of a failed load. */
export function RetryButton({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Button variant="secondary" size="sm" onClick={onRetry}>
      {t('common.retry')}
    </Button>
  );
}

type QueryErrorAlertProps = {
  /** A failed react-query query (useQuery or useInfiniteQuery). */
  query: { error: unknown; refetch: () => Promise<unknown> };
  /** Instead of the problem's own message. */
  title?: string;
  'data-testid'?: string;
};

/** What a failed load shows: the problem in words and a "Retry" button. */
export function QueryErrorAlert({ query, title, 'data-testid': testId }: QueryErrorAlertProps) {
  const { t } = useI18n();
  return (
    <Alert
      title={title ?? problemMessage(query.error, t)}
      data-testid={testId}
      action={<RetryButton onRetry={() => void query.refetch()} />}
    />
  );
}
