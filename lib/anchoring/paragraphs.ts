import type { Span } from "./types";

/**
 * The paragraphs of a plain text: maximal runs of non-blank lines. Each span runs
 * from the first character of its first line to the end of its last line, so single
 * line breaks (list items) stay inside a paragraph and blank lines separate them.
 */
export function splitParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  let current: Span | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const blank = text.slice(lineStart, lineEnd).trim() === "";
    if (blank) {
      if (current) paragraphs.push(current);
      current = null;
    } else if (current) {
      current.end = lineEnd;
    } else {
      current = { start: lineStart, end: lineEnd };
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** The paragraph that wholly contains a span, or null when the span crosses paragraphs. */
export function enclosingParagraph(paragraphs: Span[], span: Span): Span | null {
  return paragraphs.find((p) => p.start <= span.start && span.end <= p.end) ?? null;
}
