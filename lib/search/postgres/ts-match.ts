import type { FilterTerm, ParsedQuery, TextTerm } from "../query-syntax";
import { isRanked } from "../ranked-terms";

/**
 * Turns a parsed query into what the PostgreSQL index (the claim_search migration of
 * prisma/postgres) is searched with: tsquery texts for the words, and facet values for the
 * filters. Every word goes inside single quotes and holds only letters, digits and marks,
 * so no tsquery operator or quote can come from input; the texts are bound parameters of
 * to_tsquery('claimbook', …), which folds case and accents as the index did.
 */

export interface TsMatch {
  /** Every positive word and phrase AND-ed, or null when there is none. */
  include: string | null;
  /** Excluded words and phrases OR-ed, or null. */
  exclude: string | null;
  /** The words ranked by (see ranked-terms.ts), or null when nothing is left to rank by. */
  words: string | null;
  /** Facet values every match has, and facet values no match has. */
  facets: string[];
  notFacets: string[];
}

const WORD = /^[\p{L}\p{N}\p{M}\p{Co}]+$/u;

/** The value the index's facets column holds for a filter. */
export function facetValue(filter: Pick<FilterTerm, "field" | "value">): string {
  // PostgreSQL text holds neither NUL nor a lone surrogate (not UTF-8), so such a value could
  // never match and cannot be sent as a parameter: U+FFFD instead, which is also what the
  // SQLite engine's UTF-8 hex encoding makes of a lone surrogate.
  const value = filter.value
    .replaceAll("\u0000", "\uFFFD")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  switch (filter.field) {
    case "tag":
      return `t:${value}`;
    case "doc":
      return `d:${value}`;
    case "reviewer":
      return `r:${value}`;
    case "status":
      return `s:${value}`;
    case "has":
      return "hasnote";
    case "disagreement":
      return "disagree";
    case "linked":
      return "linked";
    case "flag":
      return `flag:${value}`;
    case "final":
      return `f:${value}`;
    case "adjudicated":
      return "adjudicated";
  }
}

function lexeme(token: string): string {
  // The parser only emits such tokens; refusing anything else keeps the quoting sound.
  if (!WORD.test(token)) throw new Error(`not a search word: ${JSON.stringify(token)}`);
  return `'${token}'`;
}

/**
 * A phrase is its words in order (<->); a prefix term's last word matches any continuation (:*);
 * a bare word any of its inflected forms, and OR-ed terms any of them (|).
 */
export function phraseQuery(term: TextTerm): string {
  const anyOf = (parts: string[]) => (parts.length === 1 ? parts[0] : `(${parts.join(" | ")})`);
  const one = (t: TextTerm) => {
    if (t.forms) return anyOf(t.forms.map(lexeme));
    const words = t.tokens.map(lexeme);
    if (t.prefix) words[words.length - 1] += ":*";
    return words.length === 1 ? words[0] : `(${words.join(" <-> ")})`;
  };
  return anyOf([term, ...(term.anyOf ?? [])].map(one));
}

function join(parts: string[], operator: "&" | "|"): string | null {
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : parts.join(` ${operator} `);
}

export function buildTsMatch(query: ParsedQuery): TsMatch {
  const facets: string[] = [];
  const notFacets: string[] = [];
  for (const filter of query.filters) {
    // disagreement:no is "not disagree"; -disagreement:no is "disagree" (linked and adjudicated likewise).
    const flip = ["disagreement", "linked", "adjudicated"].includes(filter.field) && filter.value === "no";
    (filter.negated !== flip ? notFacets : facets).push(facetValue(filter));
  }
  return {
    include: join(query.text.filter((t) => !t.negated).map(phraseQuery), "&"),
    exclude: join(query.text.filter((t) => t.negated).map(phraseQuery), "|"),
    words: join(query.text.filter((t) => !t.negated && isRanked(t)).map(phraseQuery), "&"),
    facets: [...new Set(facets)],
    notFacets: [...new Set(notFacets)],
  };
}
