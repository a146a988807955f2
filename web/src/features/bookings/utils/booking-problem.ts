import { isApiProblem } from '@/lib/api-client';
import type { MessageKey, Translate } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';

const CODES: Partial<Record<string, MessageKey>> = {
  slot_unavailable: 'bookings.slot_taken',
  invalid_transition: 'bookings.invalid_transition',
  idempotency_key_reused: 'bookings.idempotency_key_reused',
  too_early: 'bookings.too_early',
};

/** Booking-specific codes in the user's language; anything else as usual. */
export function bookingProblemMessage(error: unknown, t: Translate): string {
  if (isApiProblem(error)) {
    const key = CODES[error.code];
    if (key) return t(key);
  }
  return problemMessage(error, t);
}
