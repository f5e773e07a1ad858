import type { TextTerm } from "./query-syntax";

/**
 * Words too common to rank by: they still have to match, but ranking by them costs (FTS5's
 * bm25 walks their doclists, nearly every row, on every search to learn how rare they are)
 * for a near-zero weight. Both engines leave them out of ranking, so both order alike.
 */
export const UNRANKED_WORDS = new Set(
  "a an and are as at be been but by for from had has have he her his i in is it its not of on or she that the their they this to was we were which who will with you".split(
    " ",
  ),
);

/** True when a (positive) text term counts towards a claim's score. */
export function isRanked(term: TextTerm): boolean {
  const ranked = (t: TextTerm) => t.tokens.length > 1 || t.prefix || !UNRANKED_WORDS.has(t.tokens[0].toLowerCase());
  return ranked(term) || (term.anyOf ?? []).some(ranked);
}
