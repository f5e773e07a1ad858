import search from "approx-string-match";
import { similarity } from "./similarity";

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote was expected to start (its old position). */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Errors (edits) between the quote and the matched text; 0 for an exact match. */
  errors: number;
  score: number;
}

// Relative weights, after Hypothesis: the quote itself matters most, then its
// context, and position only breaks ties between equally good candidates.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** Smallest share of the quote that must survive for a fuzzy match to be accepted. */
export const MIN_FUZZY_QUOTE_SIMILARITY = 0.75;

function scoreCandidate(
  text: string,
  quote: string,
  start: number,
  end: number,
  errors: number,
  context: QuoteContext,
): number {
  const quoteScore = 1 - errors / Math.max(quote.length, 1);
  const prefix = context.prefix ?? "";
  const suffix = context.suffix ?? "";
  const prefixScore = similarity(text.slice(Math.max(0, start - prefix.length), start), prefix);
  const suffixScore = similarity(text.slice(end, end + suffix.length), suffix);
  const positionScore = context.hint === undefined ? 1 : 1 - Math.abs(start - context.hint) / Math.max(text.length, 1);
  return (
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefixScore +
    SUFFIX_WEIGHT * suffixScore +
    POSITION_WEIGHT * positionScore
  );
}

function best(candidates: QuoteMatch[]): QuoteMatch | null {
  return candidates.reduce<QuoteMatch | null>((top, c) => (top === null || c.score > top.score ? c : top), null);
}

/** Every exact occurrence of the quote, best-scored by context and position first. */
export function matchQuoteExactly(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote === "") return null;
  const candidates: QuoteMatch[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    candidates.push({ start: at, end, errors: 0, score: scoreCandidate(text, quote, at, end, 0, context) });
  }
  return best(candidates);
}

/**
 * The best approximate occurrence of the quote, or null when none keeps at least
 * MIN_FUZZY_QUOTE_SIMILARITY of it: a claim is never moved onto unrelated text.
 */
export function matchQuoteFuzzily(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote === "") return null;
  const maxErrors = Math.floor(quote.length * (1 - MIN_FUZZY_QUOTE_SIMILARITY));
  const candidates = search(text, quote, maxErrors).map((m) => ({
    start: m.start,
    end: m.end,
    errors: m.errors,
    score: scoreCandidate(text, quote, m.start, m.end, m.errors, context),
  }));
  return best(candidates);
}
