import type { QueryClient } from '@tanstack/react-query';
import { getFriendRequests } from '@/features/social/api/get-friend-requests';
import { socialKeys, type FriendRequestsData } from '@/features/social/api/keys';
import type { FriendRequest, RequestDirection } from '@/features/social/types/social';

const PAGE = 100;
const MAX_PAGES = 10;

/**
 * The pending request between me and `userId` (theirs to me when `incoming`, mine to them
 * when `outgoing`): a profile knows only the state, the answer needs the request's id.
 * Looks in the loaded inbox first, then asks the server.
 */
export async function findPendingRequest(
  queryClient: QueryClient,
  userId: string,
  direction: RequestDirection,
): Promise<FriendRequest | null> {
  const isIt = (r: FriendRequest) => r.status === 'pending' && (direction === 'incoming' ? r.from.id : r.to.id) === userId;
  const cached = queryClient.getQueryData<FriendRequestsData>(socialKeys.requestList(direction));
  const hit = cached?.pages.flatMap((p) => p.items).find(isIt);
  if (hit) return hit;
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const page = await getFriendRequests({ direction, cursor, limit: PAGE });
    const found = page.items.find(isIt);
    if (found) return found;
    if (!page.next_cursor) return null;
    cursor = page.next_cursor;
  }
  return null;
}
