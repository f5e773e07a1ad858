import { splitParagraphs } from "../anchoring/paragraphs";
import type { Span } from "../anchoring/types";
import { splitClauses } from "./clauses";
import { tokenize } from "./nlp";

/**
 * The checkable units of a text, as spans: every line of every paragraph (a list item is
 * its own claim), every sentence of a line (Intl.Segmenter), and every separately checkable
 * clause of a sentence (lib/suggest/clauses). Whitespace is trimmed from each span.
 */
export function splitUnits(text: string): Span[] {
  const units: Span[] = [];
  const sentences = new Intl.Segmenter("en", { granularity: "sentence" });
  for (const paragraph of splitParagraphs(text)) {
    let lineStart = paragraph.start;
    for (const line of text.slice(paragraph.start, paragraph.end).split("\n")) {
      for (const s of sentences.segment(line)) {
        const sentence = trimSpan(s.segment, 0, s.segment.length);
        if (!sentence) continue;
        const body = s.segment.slice(sentence.start, sentence.end);
        const at = lineStart + s.index + sentence.start;
        for (const part of splitClauses(body, tokenize(body)))
          units.push({ start: at + part.start, end: at + part.end });
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
