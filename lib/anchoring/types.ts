/** A half-open range [start, end) of UTF-16 code-unit offsets into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/** W3C TextPositionSelector, with offsets counted in UTF-16 code units (see README). */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** W3C TextQuoteSelector. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface SpanSelectors {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/** A claim's selectors as its row stores them: the span, its quote in context, and its paragraph. */
export interface StoredSelectors extends Span {
  exact: string;
  prefix: string;
  suffix: string;
  paragraphStart: number;
  paragraphEnd: number;
}

/** How a claim was re-attached to a text, from most to least certain. */
export type AnchorMethod = "position" | "quote" | "fuzzy";

export type AnchorResult = { anchored: true; method: AnchorMethod; span: Span } | { anchored: false; reason: string };
