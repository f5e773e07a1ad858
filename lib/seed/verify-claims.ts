import { anchorSelectors } from "../anchoring/anchor";
import { describeSpan, QUOTE_CONTEXT_LENGTH } from "../anchoring/describe-span";
import { enclosingParagraph, splitParagraphs } from "../anchoring/paragraphs";
import type { CuratedClaimFile } from "../validation/curated-claims";

/**
 * Checks every curated claim against its document text: the position selector must
 * hold the quote exactly, the quote's context must match, and the span must sit inside
 * one paragraph. Returns one message per failing claim, naming it; empty when all anchor.
 */
export function verifyCuratedClaims(text: string, file: CuratedClaimFile): string[] {
  const errors: string[] = [];
  const paragraphs = splitParagraphs(text);
  const seen = new Set<string>();
  for (const claim of file.claims) {
    const label = `${file.document} claim ${claim.id} "${claim.exact.slice(0, 50)}"`;
    if (seen.has(claim.id)) errors.push(`${label}: duplicate id`);
    seen.add(claim.id);
    const result = anchorSelectors(
      text,
      { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
      { type: "TextPositionSelector", start: claim.start, end: claim.end },
    );
    if (!result.anchored || result.method !== "position") {
      const found = text.slice(claim.start, claim.end);
      errors.push(
        `${label}: does not anchor at ${claim.start}–${claim.end} (the text there is "${found.slice(0, 50)}")`,
      );
      continue;
    }
    const expected = describeSpan(text, result.span, QUOTE_CONTEXT_LENGTH).quote;
    if (expected.prefix !== claim.prefix || expected.suffix !== claim.suffix) {
      errors.push(`${label}: prefix/suffix do not match the text around ${claim.start}–${claim.end}`);
    }
    if (!enclosingParagraph(paragraphs, result.span)) errors.push(`${label}: crosses a paragraph break`);
  }
  for (const non of file.nonClaims) {
    if (text.slice(non.start, non.end) !== non.exact) {
      errors.push(`${file.document} non-claim "${non.exact.slice(0, 50)}": not at ${non.start}–${non.end}`);
    }
  }
  return errors;
}
