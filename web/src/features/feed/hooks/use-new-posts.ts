import { useState } from 'react';
import { z } from 'zod';
import { useRealtimeEvent } from '@/lib/realtime';

const newPostsSchema = z.object({ count: z.number().int().nonnegative() });

/** `feed:new_posts {count}`: something new above what the open feed shows. */
export function useNewPosts(): { count: number; clear: () => void } {
  const [count, setCount] = useState(0);
  useRealtimeEvent('feed:new_posts', (payload) => {
    const parsed = newPostsSchema.safeParse(payload);
    if (parsed.success && parsed.data.count > 0) setCount(parsed.data.count);
  });
  return { count, clear: () => setCount(0) };
}
