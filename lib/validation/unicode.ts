/**
 * Whether a string is well-formed UTF-16 (no lone surrogate). Prisma hands every query to
 * its engine as JSON, which refuses lone surrogates with an internal error: a string
 * schema whose value reaches the database refines with this, so such input is a named
 * field error, never a 500.
 */
export function isWellFormedText(s: string): boolean {
  return !/\p{Cs}/u.test(s);
}

export const WELL_FORMED_MESSAGE = "must be valid Unicode text (it contains a lone surrogate).";
