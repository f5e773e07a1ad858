import { splitParagraphs } from "../anchoring/paragraphs";
import type { Span } from "../anchoring/types";

/**
 * The checkable units of a text, as spans: every line of every paragraph (a list item is
 * its own claim), every sentence of a line (Intl.Segmenter), and every clause of a sentence
 * that a semicolon separates. Whitespace is trimmed from each span.
 */
export function splitUnits(text: string): Span[] {
  const units: Span[] = [];
  const sentences = new Intl.Segmenter("en", { granularity: "sentence" });
  for (const paragraph of splitParagraphs(text)) {
    let lineStart = paragraph.start;
    for (const line of text.slice(paragraph.start, paragraph.end).split("\n")) {
      for (const s of sentences.segment(line)) {
        let clauseStart = 0;
        for (const part of s.segment.split(/(?<=;)\s+/)) {
          const at = s.segment.indexOf(part, clauseStart);
          clauseStart = at + part.length;
          const span = trimSpan(text, lineStart + s.index + at, lineStart + s.index + at + part.length);
          if (span) units.push(span);
        }
      }
      lineStart += line.length + 1;
    }
  }
  return units;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
