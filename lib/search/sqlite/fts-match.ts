import "server-only";
import type { FilterTerm, ParsedQuery, TextTerm } from "../query-syntax";
import { isRanked } from "../ranked-terms";

/**
 * Turns a parsed query into FTS5 MATCH expressions for the ClaimSearch table (see the
 * claim_search migration). Every user token goes inside double quotes and holds only
 * letters, digits and marks, so no FTS5 operator, column name or quote can come from input.
 */

/** Starts every facet token; the index strips it from text and the parser from input. */
export const FACET_MARK = "\uE000";

function hex(value: string): string {
  return Buffer.from(value, "utf8").toString("hex");
}

/** The facet token the migration's ClaimSearchSource view writes for a filter. */
export function facetToken(filter: Pick<FilterTerm, "field" | "value">): string {
  switch (filter.field) {
    case "tag":
      return `${FACET_MARK}t${hex(filter.value)}`;
    case "doc":
      return `${FACET_MARK}d${hex(filter.value)}`;
    case "reviewer":
      return `${FACET_MARK}r${hex(filter.value)}`;
    case "status":
      return `${FACET_MARK}s${hex(filter.value)}`;
    case "has":
      return `${FACET_MARK}hasnote`;
    case "disagreement":
      return `${FACET_MARK}disagree`;
    case "linked":
      return `${FACET_MARK}linked`;
    case "flag":
      return `${FACET_MARK}flag${filter.value}`;
    case "final":
      return `${FACET_MARK}f${hex(filter.value)}`;
    case "adjudicated":
      return `${FACET_MARK}adjudicated`;
  }
}

const EVERY_ROW = `"${FACET_MARK}all"`;

function anyOf(parts: string[]): string {
  return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`;
}

/** One term: its phrase, or any of its inflected forms, or any of its OR alternatives. */
function phrase(term: TextTerm): string {
  const one = (t: TextTerm) =>
    t.forms ? anyOf(t.forms.map((form) => `"${form}"`)) : `"${t.tokens.join(" ")}"${t.prefix ? " *" : ""}`;
  return anyOf([term, ...(term.anyOf ?? [])].map(one));
}

function facet(filter: FilterTerm): { expression: string; negated: boolean } {
  // disagreement:no is "not disagree"; -disagreement:no is "disagree" (linked and adjudicated likewise).
  const flip = ["disagreement", "linked", "adjudicated"].includes(filter.field) && filter.value === "no";
  return { expression: `"${facetToken(filter)}"`, negated: filter.negated !== flip };
}

function and(parts: string[]): string {
  return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`;
}

export interface FtsMatch {
  /** Every condition: the rows that match. */
  all: string;
  /**
   * Only the words and phrases that are not excluded (nor among the commonest English
   * words), for bm25: it walks the whole doclist of every phrase in its expression (for
   * document frequencies), so filters and exclusions, which only select rows, stay out.
   * Null when nothing is left to rank by.
   */
  words: string | null;
}

/**
 * The MATCH expressions: every positive term AND-ed, then NOT any excluded one. A query
 * with nothing positive (only exclusions, or empty) starts from the token every row carries.
 */
export function buildFtsMatch(query: ParsedQuery): FtsMatch {
  const positive = query.text.filter((t) => !t.negated).map(phrase);
  const words = query.text.filter((t) => !t.negated && isRanked(t)).map(phrase);
  const negative = query.text.filter((t) => t.negated).map(phrase);
  for (const filter of query.filters) {
    const { expression, negated } = facet(filter);
    (negated ? negative : positive).push(expression);
  }
  if (positive.length === 0) positive.push(EVERY_ROW);
  const included = and(positive);
  return {
    all: negative.length === 0 ? included : `${included} NOT (${negative.join(" OR ")})`,
    words: words.length ? and(words) : null,
  };
}
