import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/i18n';

/** What it needs of a useInfiniteQuery result. */
export type NextPageQuery = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

type Props = {
  query: NextPageQuery;
  /** Small and inline (inside a card) rather than full width. */
  small?: boolean;
  'data-testid'?: string;
};

/** Loads the next page of a paged list; nothing when there is none. */
export function ShowMoreButton({ query, small = false, 'data-testid': testId }: Props) {
  const { t } = useI18n();
  if (!query.hasNextPage) return null;
  return (
    <Button
      variant="secondary"
      size={small ? 'sm' : 'md'}
      block={!small}
      loading={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
      data-testid={testId}
    >
      {t('common.show_more')}
    </Button>
  );
}
