import type { Span } from "../anchoring/types";

export interface UncoveredSentence extends Span {
  text: string;
  /** Why the sentence is not a claim, from the curated non-claims; null when nobody said. */
  reason: string | null;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The sentences of a text (Intl.Segmenter), trimmed, with their offsets. */
export function sentencesOf(text: string): (Span & { text: string })[] {
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  const sentences: (Span & { text: string })[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const start = index + segment.indexOf(trimmed);
    sentences.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return sentences;
}

/**
 * The coverage report: every sentence that no claim overlaps, with the curated reason
 * it is not a claim. A sentence with reason null is a gap in the claim set.
 */
export function uncoveredSentences(
  text: string,
  claims: Span[],
  nonClaims: (Span & { reason: string })[],
): UncoveredSentence[] {
  return sentencesOf(text)
    .filter((s) => !claims.some((c) => overlaps(s, c)))
    .map((s) => ({ ...s, reason: nonClaims.find((n) => overlaps(s, n))?.reason ?? null }));
}
