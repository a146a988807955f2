/** A random UUID v4; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One key per booking attempt: the same body gets the same key (so a retry after a lost
 * response returns the original booking instead of a second one), a changed body a new key
 * (the server refuses a reused key with a different body).
 */
export class IdempotentAttempt {
  private key: string | null = null;
  private body: string | null = null;

  keyFor(body: unknown): string {
    const serialized = JSON.stringify(body);
    if (this.key === null || serialized !== this.body) {
      this.key = newIdempotencyKey();
      this.body = serialized;
    }
    return this.key;
  }

  /** After a definite answer (success or a refusal) the next try is a new attempt. */
  reset(): void {
    this.key = null;
    this.body = null;
  }
}
