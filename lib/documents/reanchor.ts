import { anchorSelectors } from "../anchoring/anchor";
import { describeSpan, QUOTE_CONTEXT_LENGTH } from "../anchoring/describe-span";
import { MIN_FUZZY_QUOTE_SIMILARITY, matchQuoteFuzzily } from "../anchoring/match-quote";
import { enclosingParagraph, splitParagraphs } from "../anchoring/paragraphs";
import { similarity } from "../anchoring/similarity";
import type { Span, StoredSelectors } from "../anchoring/types";

/**
 * How a claim was carried over to a new version of its document:
 * - unchanged: the same passage at the same offsets, in the same context;
 * - moved: the same passage, found elsewhere, unambiguously (its context picks it out);
 * - fuzzy: a passage like it was found, or the exact passage but ambiguously: a reviewer
 *   must confirm before it counts;
 * - orphaned: nowhere to be found; the claim keeps its old selectors and is not shown in the text.
 * Nothing is ever moved without one of these states saying so.
 */
export type AnchorState = "unchanged" | "moved" | "fuzzy" | "orphaned";
export const ANCHOR_STATES: AnchorState[] = ["unchanged", "moved", "fuzzy", "orphaned"];

export type Reanchored =
  | { state: "orphaned"; reason: string }
  | { state: Exclude<AnchorState, "orphaned">; selectors: StoredSelectors };

/**
 * Below this share of its old context (prefix and suffix, averaged), an exact quote found
 * elsewhere is not trusted to be the same passage: short quotes ("2019", "the program")
 * recur, and only their context tells the occurrences apart.
 */
const MIN_MOVED_CONTEXT = 0.5;
/** Two occurrences whose context scores are this close are ambiguous: neither is picked silently. */
const AMBIGUOUS_MARGIN = 0.15;
/** A fuzzy match with less of its old context than this is more likely a look-alike than the passage. */
const MIN_FUZZY_CONTEXT = 0.35;

/**
 * How much of a claim's old context surrounds a span, 0–1. An empty prefix means the claim
 * began the text, so it matches only at the start (and an empty suffix only at the end):
 * otherwise a repeated headline would inherit the first one's perfect "context".
 */
function contextScore(text: string, span: Span, prefix: string, suffix: string): number {
  const before =
    prefix === ""
      ? Number(span.start === 0)
      : similarity(text.slice(Math.max(0, span.start - prefix.length), span.start), prefix);
  const after =
    suffix === ""
      ? Number(span.end === text.length)
      : similarity(text.slice(span.end, span.end + suffix.length), suffix);
  return (before + after) / 2;
}

/** Every exact occurrence's context score, best first. */
function occurrenceScores(text: string, claim: StoredSelectors): number[] {
  const scores: number[] = [];
  for (let at = text.indexOf(claim.exact); at !== -1; at = text.indexOf(claim.exact, at + 1)) {
    scores.push(contextScore(text, { start: at, end: at + claim.exact.length }, claim.prefix, claim.suffix));
  }
  return scores.sort((a, b) => b - a);
}

function selectorsAt(text: string, span: Span, paragraphs: Span[]): StoredSelectors | null {
  const paragraph = enclosingParagraph(paragraphs, span);
  if (!paragraph) return null;
  const { quote } = describeSpan(text, span);
  return {
    ...span,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    paragraphStart: paragraph.start,
    paragraphEnd: paragraph.end,
  };
}

/** The occurrence of `needle` nearest to `around`, or -1. */
function nearest(text: string, needle: string, around: number): number {
  let best = -1;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (best === -1 || Math.abs(at - around) < Math.abs(best - around)) best = at;
  }
  return best;
}

/**
 * The text now between the claim's old prefix and old suffix, when both survive near the
 * old place and what lies between still resembles the quote: the surest sign of an edit
 * made inside the passage itself.
 */
function matchBetweenOldContext(text: string, claim: StoredSelectors): Span | null {
  const prefixAt = claim.prefix === "" ? 0 : nearest(text, claim.prefix, claim.start - claim.prefix.length);
  if (prefixAt === -1 || (claim.prefix === "" && claim.start !== 0)) return null;
  const start = prefixAt + claim.prefix.length;
  const rest = text.slice(start);
  const suffixAt = claim.suffix === "" ? rest.length : nearest(rest, claim.suffix, claim.exact.length);
  if (suffixAt <= 0) return null;
  const candidate = rest.slice(0, suffixAt);
  if (similarity(candidate, claim.exact) < MIN_FUZZY_QUOTE_SIMILARITY) return null;
  return { start, end: start + suffixAt };
}

/** An approximate match of the quote searched for only around its old place (the whole text would find the copy again). */
function matchNearOldPlace(text: string, claim: StoredSelectors): Span | null {
  const reach = claim.exact.length + 2 * QUOTE_CONTEXT_LENGTH;
  const from = Math.max(0, claim.start - reach);
  const window = text.slice(from, Math.min(text.length, claim.end + reach));
  const m = matchQuoteFuzzily(window, claim.exact, {
    prefix: claim.prefix,
    suffix: claim.suffix,
    hint: claim.start - from,
  });
  return m ? { start: m.start + from, end: m.end + from } : null;
}

/** Carries one claim over to `newText` with lib/anchoring, then judges how sure the result is. */
export function reanchorClaim(
  newText: string,
  claim: StoredSelectors,
  paragraphs = splitParagraphs(newText),
): Reanchored {
  const quote = { type: "TextQuoteSelector" as const, exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix };
  const result = anchorSelectors(newText, quote, { type: "TextPositionSelector", start: claim.start, end: claim.end });
  if (!result.anchored) return { state: "orphaned", reason: result.reason };
  let context = contextScore(newText, result.span, claim.prefix, claim.suffix);
  if (result.method === "quote" && context < MIN_MOVED_CONTEXT) {
    // The exact words survive only in other surroundings (a repeated headline, a quoted
    // sentence): an edited copy in the old surroundings is the likelier passage.
    const near = matchBetweenOldContext(newText, claim) ?? matchNearOldPlace(newText, claim);
    const nearContext = near ? contextScore(newText, near, claim.prefix, claim.suffix) : 0;
    if (near && nearContext > context) {
      Object.assign(result, { method: "fuzzy", span: { start: near.start, end: near.end } });
      context = nearContext;
    }
  }
  const selectors = selectorsAt(newText, result.span, paragraphs);
  if (!selectors) return { state: "orphaned", reason: "the passage now crosses a paragraph break" };
  if (result.method !== "position" && context < MIN_FUZZY_CONTEXT) {
    return { state: "orphaned", reason: "only a look-alike passage in other surroundings was found" };
  }
  if (result.method === "fuzzy") return { state: "fuzzy", selectors };
  const scores = occurrenceScores(newText, claim);
  const ambiguous = scores.length > 1 && scores[0] - scores[1] < AMBIGUOUS_MARGIN;
  if (result.method === "position" && !ambiguous) return { state: "unchanged", selectors };
  if (result.method === "position" && context >= 1 - AMBIGUOUS_MARGIN) {
    // Several occurrences, but this one, at the old place, still has all its old context.
    return { state: "unchanged", selectors };
  }
  if (ambiguous || context < MIN_MOVED_CONTEXT) return { state: "fuzzy", selectors };
  return { state: "moved", selectors };
}

export interface ReanchorReport {
  unchanged: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

export function countStates(states: AnchorState[]): ReanchorReport {
  const report: ReanchorReport = { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const s of states) report[s]++;
  return report;
}
