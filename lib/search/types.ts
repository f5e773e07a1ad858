import type { ParsedQuery } from "./query-syntax";

/**
 * The one interface of claim search. An engine (lib/search/sqlite today; a PostgreSQL
 * tsvector engine can sit beside it) turns a request into a page of hits through a
 * SqlRunner, so lib/search never touches the Prisma client: lib/db/search.ts passes one in.
 */

export const SEARCH_SORTS = ["relevance", "document", "newest"] as const;
/** relevance: best match first (bm25); document: by document, then reading order; newest: most recently added first. */
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchRequest {
  q: string;
  /** Defaults to relevance; a query without words to rank falls back to newest. */
  sort?: SearchSort;
  limit?: number;
  /** From a previous page's nextCursor; the query and sort must be the same. */
  cursor?: string | null;
}

/** A run of text, marked when it is a matched word. */
export interface Segment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  claimId: string;
  document: { slug: string; title: string; fileName: string };
  start: number;
  end: number;
  exact: string;
  statement: string | null;
  status: string;
  /** The claim's final tags (lib/tags/counting-rule.ts): reviewers' consensus, else the suggestion; none when split. */
  tags: string[];
  tagsAreSuggested: boolean;
  disagreement: boolean;
  noteCount: number;
  /** bm25 (lower is better) under relevance sort; null otherwise. */
  score: number | null;
  highlights: {
    exact: Segment[];
    statement: Segment[] | null;
    /** An excerpt of the claim's notes, only when a word matched there. */
    notes: Segment[] | null;
    title: Segment[];
  };
  /** Opens the document scrolled to the claim. */
  url: string;
}

export interface SearchPage {
  query: ParsedQuery;
  /** The sort actually used (newest when relevance was asked without words). */
  sort: SearchSort;
  /** Matching claims, counted up to the ranking window. */
  total: number;
  /** True when more than `total` claims match: only the newest `total` were ranked. */
  totalIsCapped: boolean;
  hits: SearchHit[];
  nextCursor: string | null;
  notices: string[];
  /** When nothing matched: the nearest query that finds something (lib/search/nearest-query.ts). */
  suggestion?: SearchSuggestion | null;
}

export interface SearchSuggestion {
  q: string;
  total: number;
  totalIsCapped: boolean;
}

/** Runs one SQL statement with positional (?) parameters and returns its rows. */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface MatchingClaim {
  claimId: string;
  documentId: string;
}

export interface SearchEngine {
  search(request: SearchRequest): Promise<SearchPage>;
  /** Every matching claim, unranked and unpaginated (for exports of a search). */
  matchingClaims(q: string): Promise<MatchingClaim[]>;
  /** Which of these words (letters a–z) occur in the index, in the order given: for spelling suggestions. */
  knownWords(words: string[]): Promise<string[]>;
}

/** A request the engine cannot run: the message is meant for the person who typed it. */
export class SearchInputError extends Error {}
