import type { Span } from "./types";

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
/** Punctuation that sticks to a word with no space between ("hours," or “Many"). */
const isAttached = (ch: string | undefined) => ch !== undefined && !isSpace(ch) && !/[\p{L}\p{N}]/u.test(ch);

const wordSegmenter = new Intl.Segmenter("en", { granularity: "word" });
/** How far around an offset words are looked for: more than any word, far less than a document. */
const REACH = 240;

/** The words (word-like segments: "1,261", "287(g)" splits, "don't") near `offset`, in order. */
function wordsNear(text: string, offset: number): Span[] {
  // Cut the window at whitespace so no word is split by it.
  let lo = Math.max(0, offset - REACH);
  while (lo > 0 && !isSpace(text[lo - 1])) lo--;
  let hi = Math.min(text.length, offset + REACH);
  while (hi < text.length && !isSpace(text[hi])) hi++;
  const words: Span[] = [];
  for (const s of wordSegmenter.segment(text.slice(lo, hi)))
    if (s.isWordLike) words.push({ start: lo + s.index, end: lo + s.index + s.segment.length });
  return words;
}

/** `end` moved over the punctuation attached to the word that ends there, never to `limit` or past it. */
function withTrailing(text: string, end: number, limit: number): number {
  while (end < limit && isAttached(text[end])) end++;
  return end;
}

/** `start` moved back over the punctuation attached to the word that starts there, never to `limit` or before it. */
function withLeading(text: string, start: number, limit: number): number {
  while (start > limit && isAttached(text[start - 1])) start--;
  return start;
}

export type SpanStep = "start-earlier" | "start-later" | "end-later" | "end-earlier";

/**
 * Moves one end of a span by a word, keeping it non-empty. A word carries the punctuation
 * attached to it ("hours," “Many"), so the steps are inverses: end-later then end-earlier
 * gives back the span it started from. Returns the span unchanged when the move is
 * impossible (no word there, it would empty the span, or it would leave `bounds`: a claim
 * stays within its paragraph).
 */
export function stepSpan(text: string, span: Span, step: SpanStep, bounds?: Span): Span {
  let { start, end } = span;
  if (step === "end-later") {
    const next = wordsNear(text, end).find((w) => w.start >= end);
    if (next) end = withTrailing(text, next.end, text.length);
  } else if (step === "end-earlier") {
    const words = wordsNear(text, end).filter((w) => w.start >= start - REACH);
    const lastIndex = words.findLastIndex((w) => w.start < end);
    const before = words[lastIndex - 1];
    if (lastIndex > 0 && before.end > start) end = withTrailing(text, before.end, words[lastIndex].start);
  } else if (step === "start-earlier") {
    const previous = wordsNear(text, start).findLast((w) => w.end <= start);
    if (previous) start = withLeading(text, previous.start, 0);
  } else {
    const words = wordsNear(text, start);
    const firstIndex = words.findIndex((w) => w.end > start);
    const after = words[firstIndex + 1];
    if (firstIndex !== -1 && after && after.start < end) start = withLeading(text, after.start, words[firstIndex].end);
  }
  const moved = end > start && (start !== span.start || end !== span.end);
  const inside = !bounds || (start >= bounds.start && end <= bounds.end);
  return moved && inside ? { start, end } : span;
}

/** A span with surrounding whitespace removed, or null when nothing but whitespace is left. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
