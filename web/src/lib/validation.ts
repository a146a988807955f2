import { z } from 'zod';

// zod rules for inputs that more than one form takes, with the server's limits. Messages are
// i18n keys (see lib/form.ts).

/** A person's name: 1–100 characters (code points, as the server counts) after trimming. */
export const personNameSchema = z
  .string()
  .trim()
  .refine((v) => {
    const length = Array.from(v).length;
    return length >= 1 && length <= 100;
  }, 'validation.name_length');
