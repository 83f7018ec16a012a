import { z } from "@hono/zod-openapi";

/** Unicode control (Cc) and format (Cf) characters: NUL, bidi overrides, zero-width joiners and the like. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/**
 * A name a person reads in the dashboard or on a payment page: trimmed,
 * normalised to NFC, and free of control and format characters, so that a
 * right-to-left override cannot make "Evil Corp" read as a trusted payee.
 * Ordinary spaces are fine.
 */
export const humanText = (label: string, max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, `Enter ${label}.`)
        .max(max, `Keep ${label} to ${max} characters or fewer.`)
        .refine((s) => !INVISIBLE.test(s), `Remove invisible or control characters from ${label}.`),
    );
