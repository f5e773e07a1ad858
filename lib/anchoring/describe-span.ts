import type { Span, SpanSelectors } from "./types";

/** Characters of context kept on each side of a quote, as Hypothesis does. */
export const QUOTE_CONTEXT_LENGTH = 32;

export class InvalidSpanError extends Error {}

/** Checks that a span lies inside the text and is not empty. */
export function assertValidSpan(text: string, span: Span): void {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new InvalidSpanError(`span offsets must be integers, got ${start}–${end}`);
  }
  if (start < 0 || end > text.length) {
    throw new InvalidSpanError(`span ${start}–${end} lies outside the text (length ${text.length})`);
  }
  if (end <= start) throw new InvalidSpanError(`span ${start}–${end} is empty`);
}

/** Describes a span of a text by a position selector and a quote selector with context. */
export function describeSpan(text: string, span: Span, contextLength = QUOTE_CONTEXT_LENGTH): SpanSelectors {
  assertValidSpan(text, span);
  const { start, end } = span;
  return {
    position: { type: "TextPositionSelector", start, end },
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, end + contextLength),
    },
  };
}
