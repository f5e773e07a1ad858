import { paragraphIndexAt } from "../highlights/claim-index";
import type { Span } from "./types";
import { trimSpan } from "./word-steps";

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** The sentences of one paragraph, trimmed of surrounding whitespace, in order. */
export function sentencesOf(text: string, paragraph: Span): Span[] {
  const sentences: Span[] = [];
  for (const s of sentenceSegmenter.segment(text.slice(paragraph.start, paragraph.end))) {
    const start = paragraph.start + s.index;
    const trimmed = trimSpan(text, { start, end: start + s.segment.length });
    if (trimmed) sentences.push(trimmed);
  }
  return sentences;
}

/** The sentence holding `offset` (or the paragraph's first sentence when `offset` falls between them). */
export function sentenceAt(text: string, paragraphs: readonly Span[], offset: number): Span | null {
  const paragraph = paragraphs[Math.max(0, paragraphIndexAt(paragraphs, offset))];
  if (!paragraph) return null;
  const sentences = sentencesOf(text, paragraph);
  return sentences.find((s) => offset < s.end) ?? sentences.at(-1) ?? null;
}

export type SentenceStep = "next" | "previous" | "end-later" | "end-earlier";

/**
 * Moves a span by sentences, within the document's paragraphs: `next` / `previous` select the
 * whole sentence after / before it (crossing into the next or previous paragraph), `end-later`
 * / `end-earlier` move its end to the end of the next / previous sentence of its paragraph (a
 * claim never crosses paragraphs). Unchanged when there is no such sentence.
 */
export function stepBySentence(text: string, paragraphs: readonly Span[], span: Span, step: SentenceStep): Span {
  const at = paragraphIndexAt(paragraphs, span.start);
  const paragraph = paragraphs[at];
  if (!paragraph) return span;
  const sentences = sentencesOf(text, paragraph);
  if (step === "end-later") {
    const next = sentences.find((s) => s.end > span.end);
    return next ? { start: span.start, end: next.end } : span;
  }
  if (step === "end-earlier") {
    const previous = sentences.findLast((s) => s.end < span.end && s.end > span.start);
    return previous ? { start: span.start, end: previous.end } : span;
  }
  if (step === "next") {
    const next = sentences.find((s) => s.start >= span.end) ?? nearSentence(text, paragraphs, at + 1, "first");
    return next ?? span;
  }
  const previous = sentences.findLast((s) => s.end <= span.start) ?? nearSentence(text, paragraphs, at - 1, "last");
  return previous ?? span;
}

function nearSentence(text: string, paragraphs: readonly Span[], index: number, which: "first" | "last"): Span | null {
  const paragraph = paragraphs[index];
  if (!paragraph) return null;
  const sentences = sentencesOf(text, paragraph);
  return (which === "first" ? sentences[0] : sentences.at(-1)) ?? null;
}
