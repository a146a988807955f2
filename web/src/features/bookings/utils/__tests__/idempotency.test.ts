import { describe, expect, it } from 'vitest';
import { IdempotentAttempt, newIdempotencyKey } from '@/features/bookings/utils/idempotency';

describe('idempotency keys', () => {
  it('are UUID v4', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it('keep one key per attempt: same body → same key, changed body or a reset → a new one', () => {
    const attempt = new IdempotentAttempt();
    const body = { service_id: 's', start_at: '2025-03-25T07:00:00Z' };
    const first = attempt.keyFor(body);
    expect(attempt.keyFor({ ...body })).toBe(first);
    const changed = attempt.keyFor({ ...body, comment: 'x' });
    expect(changed).not.toBe(first);
    attempt.reset();
    expect(attempt.keyFor({ ...body, comment: 'x' })).not.toBe(changed);
  });
});
