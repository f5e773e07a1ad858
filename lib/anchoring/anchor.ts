import { matchQuoteExactly, matchQuoteFuzzily } from "./match-quote";
import type { AnchorResult, TextPositionSelector, TextQuoteSelector } from "./types";

/**
 * Re-attaches a claim to a text. Tries, in order:
 * 1. the stored position, accepted only if the text there still equals the quote;
 * 2. an exact occurrence of the quote, chosen by context and nearness to the old position;
 * 3. an approximate occurrence of the quote (reported as "fuzzy" so callers can flag it).
 * Otherwise the claim is orphaned: it is never moved silently onto other text.
 */
export function anchorSelectors(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): AnchorResult {
  if (quote.exact === "") return { anchored: false, reason: "the quote is empty" };
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { anchored: true, method: "position", span: { start: position.start, end: position.end } };
  }
  const context = { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start };
  const exact = matchQuoteExactly(text, quote.exact, context);
  if (exact) return { anchored: true, method: "quote", span: { start: exact.start, end: exact.end } };
  const fuzzy = matchQuoteFuzzily(text, quote.exact, context);
  if (fuzzy) return { anchored: true, method: "fuzzy", span: { start: fuzzy.start, end: fuzzy.end } };
  return { anchored: false, reason: `the quote "${abbreviate(quote.exact)}" is no longer in the text` };
}

function abbreviate(s: string, max = 60): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
