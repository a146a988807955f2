import { useEffect, type RefObject } from 'react';
import { postWatchRegistry } from '@/features/posts/hooks/post-watch-registry';
import { useRealtime } from '@/lib/realtime';

/**
 * Asks for the live counts of a post while its card is on screen (`always`: while mounted,
 * for a post's own page). Browsers without IntersectionObserver watch while mounted.
 */
export function usePostWatch(element: RefObject<HTMLElement | null>, id: string, { always = false }: { always?: boolean } = {}): void {
  const realtime = useRealtime();
  useEffect(() => {
    const registry = postWatchRegistry(realtime);
    const target = element.current;
    if (always || !target || typeof IntersectionObserver === 'undefined') return registry.add(id);
    let release: (() => void) | null = null;
    const observer = new IntersectionObserver((entries) => {
      const visible = entries.some((entry) => entry.isIntersecting);
      if (visible && !release) release = registry.add(id);
      else if (!visible && release) {
        release();
        release = null;
      }
    });
    observer.observe(target);
    return () => {
      observer.disconnect();
      release?.();
    };
  }, [realtime, element, id, always]);
}
