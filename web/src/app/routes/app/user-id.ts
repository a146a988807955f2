import { useParams } from 'react-router';
import { useUser } from '@/lib/auth';

/**
 * The :id of a /users/:id… path; "me" stands for the signed-in user (so a link can say
 * /users/me/followers without knowing the id). Empty while "me" is still loading.
 */
export function useUserIdParam(): string {
  const { id = '' } = useParams();
  const me = useUser();
  return id === 'me' ? (me.data?.id ?? '') : id;
}
