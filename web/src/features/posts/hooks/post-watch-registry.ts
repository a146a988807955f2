import type { Realtime } from '@/lib/socket';

// Which posts this tab has on screen, so the server sends their live counts
// (`post:watch {ids}` / `post:unwatch {ids}`, answered by `post:updated {id, counts}`).
// Cards come and go in bursts while scrolling: changes are sent together, a moment later.

const FLUSH_DELAY_MS = 50;

export class PostWatchRegistry {
  private readonly counts = new Map<string, number>();
  private readonly toWatch = new Set<string>();
  private readonly toUnwatch = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly realtime: Realtime) {}

  /** One more place shows the post; the returned function ends it (once). */
  add(id: string): () => void {
    const n = this.counts.get(id) ?? 0;
    this.counts.set(id, n + 1);
    if (n === 0) {
      if (!this.toUnwatch.delete(id)) this.toWatch.add(id);
      this.schedule();
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.remove(id);
    };
  }

  /** Every post on screen now, e.g. after a reconnect (the server forgot them). */
  resubscribe(): void {
    const ids = [...this.counts.keys()];
    this.toWatch.clear();
    this.toUnwatch.clear();
    if (ids.length > 0) this.realtime.emit('post:watch', { ids });
  }

  watched(): string[] {
    return [...this.counts.keys()];
  }

  private remove(id: string): void {
    const n = this.counts.get(id) ?? 0;
    if (n > 1) {
      this.counts.set(id, n - 1);
      return;
    }
    this.counts.delete(id);
    if (!this.toWatch.delete(id)) this.toUnwatch.add(id);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, FLUSH_DELAY_MS);
  }

  private flush(): void {
    // Not connected: nothing is lost, the next connect sends every watched post.
    if (this.toWatch.size > 0) this.realtime.emit('post:watch', { ids: [...this.toWatch] });
    if (this.toUnwatch.size > 0) this.realtime.emit('post:unwatch', { ids: [...this.toUnwatch] });
    this.toWatch.clear();
    this.toUnwatch.clear();
  }
}

const registries = new WeakMap<Realtime, PostWatchRegistry>();

export function postWatchRegistry(realtime: Realtime): PostWatchRegistry {
  let registry = registries.get(realtime);
  if (!registry) {
    registry = new PostWatchRegistry(realtime);
    registries.set(realtime, registry);
  }
  return registry;
}
