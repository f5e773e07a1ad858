import type { Span } from "./types";

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

/** The offset one word before `offset`: the start of the previous word. */
export function previousWordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && isSpace(text[i - 1])) i--;
  while (i > 0 && !isSpace(text[i - 1])) i--;
  return i;
}

/** The offset one word after `offset`: the end of the next word. */
export function nextWordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && isSpace(text[i])) i++;
  while (i < text.length && !isSpace(text[i])) i++;
  return i;
}

export type SpanStep = "start-earlier" | "start-later" | "end-later" | "end-earlier";

/**
 * Moves one end of a span by a word, keeping it non-empty and trimmed of whitespace.
 * Returns the span unchanged when the move is impossible (it would empty the span).
 */
export function stepSpan(text: string, span: Span, step: SpanStep): Span {
  let { start, end } = span;
  if (step === "start-earlier") start = previousWordStart(text, start);
  if (step === "end-later") end = nextWordEnd(text, end);
  if (step === "start-later") {
    start = nextWordEnd(text, start);
    while (start < end && isSpace(text[start])) start++;
  }
  if (step === "end-earlier") {
    end = previousWordStart(text, end);
    while (end > start && isSpace(text[end - 1])) end--;
  }
  return end > start ? { start, end } : span;
}

/** A span with surrounding whitespace removed, or null when nothing but whitespace is left. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
