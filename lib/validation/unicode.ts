/**
 * Whether a string can be stored as text by both engines: well-formed UTF-16 (no lone
 * surrogate: Prisma hands every query to its engine as JSON, which refuses them with an
 * internal error) and no NUL character (PostgreSQL text cannot hold U+0000: "invalid byte
 * sequence for encoding UTF8: 0x00"). A string schema whose value reaches the database
 * refines with this, so such input is a named field error, never a 500.
 */
export function isWellFormedText(s: string): boolean {
  return !s.includes("\u0000") && !/\p{Cs}/u.test(s);
}

export const WELL_FORMED_MESSAGE = "must be valid Unicode text (it contains a lone surrogate or a NUL character).";
