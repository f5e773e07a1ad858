import type { SearchSort } from "../types";
import type { FtsMatch } from "./fts-match";

/**
 * The SQL the SQLite engine runs, built here and nowhere else so the benchmark can run the
 * very same statements straight on better-sqlite3 as the floor to compare against.
 * Parameters are positional (?); the MATCH expression is always a bound parameter.
 */

export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * At most this many matches are ranked (or sorted by document). bm25 costs about a
 * microsecond per ranked row on the reference machine, so a word found in a third of a
 * million claims would take a third of a second, blocking the server's only JavaScript
 * thread meanwhile; above the window the newest matches are ranked and the page says so.
 */
export const RANK_WINDOW = 10_000;

// Column weights follow the table's columns: exact, statement, notes, tags, title, facets.
// Facets are filter tokens and must never add to the score.
const BM25 = `bm25("ClaimSearch", 8.0, 4.0, 2.0, 2.0, 1.0, 0.0)`;
/** Scores are ordered and paginated as integers: bm25 × 10⁹. */
export const SCORE_SCALE = 1_000_000_000;

/**
 * The newest key, and the newest window + 1 matches in one pass: their count (the total
 * when it is at most the window) and the oldest of them (the key just below the window).
 */
export function probeStatement(match: string, window = RANK_WINDOW): Statement {
  return {
    sql: `SELECT
  (SELECT coalesce(max("key"), 0) FROM "ClaimSearchKey") AS "asOf",
  count(*) AS "total",
  min("key") AS "boundary"
FROM (SELECT rowid AS "key" FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? ORDER BY rowid DESC LIMIT ?)`,
    params: [match, window + 1],
  };
}

export type PageAfter = { score: number; key: number } | { file: string; start: number; key: number } | { key: number };

export interface PageBounds {
  /** Lowest and highest search key in the result set (the ranked window). */
  floor: number;
  asOf: number;
  /** The sort key of the last hit already shown, or null for the first page. */
  after: PageAfter | null;
  limit: number;
}

/** The hits of one page, in order, as the CTE "h" (key, score, file, start). */
function hitsCte(match: FtsMatch, sort: SearchSort, b: PageBounds): Statement {
  if (sort === "relevance" && match.words) {
    const after = b.after && "score" in b.after ? b.after : null;
    // Rank with the words alone (see FtsMatch.words); when filters or exclusions narrow the
    // matches, rank only the rows that match everything ("+rowid": a membership test per
    // ranked row, never one FTS5 lookup per candidate).
    const narrowed = match.all !== match.words;
    return {
      // MATERIALIZED: bm25 is computed once per row, not again for the keyset condition.
      // Scores are kept as integers (bm25 × 10⁹): a cursor must compare equal to the score
      // it came from, and a double does not survive the trip through every driver exactly.
      // The next page starts after the last hit's score *now* ("a"), not its score then:
      // claims added since shift every bm25 score (the word's document frequency changes)
      // but not, for one word, their order, so the pages still join up without repeats.
      sql: `${narrowed ? `m AS MATERIALIZED (
  SELECT rowid AS "key" FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? AND rowid >= ? AND rowid <= ?
),
` : ""}r AS MATERIALIZED (
  SELECT rowid AS "key", CAST(round(${BM25} * ${SCORE_SCALE}) AS INTEGER) AS "score" FROM "ClaimSearch"
  WHERE "ClaimSearch" MATCH ? AND rowid >= ? AND rowid <= ?${narrowed ? ` AND +rowid IN (SELECT "key" FROM m)` : ""}
),
${after ? `a AS (SELECT coalesce((SELECT "score" FROM r WHERE "key" = ?), ?) AS "score"),
` : ""}h AS (
  SELECT "key", "score", NULL AS "file", NULL AS "start" FROM r
  ${after ? `WHERE "score" > (SELECT "score" FROM a) OR ("score" = (SELECT "score" FROM a) AND "key" > ?)` : ""}
  ORDER BY "score", "key" LIMIT ?
)`,
      params: [
        ...(narrowed ? [match.all, b.floor, b.asOf] : []),
        match.words,
        b.floor,
        b.asOf,
        ...(after ? [after.key, after.score, after.key] : []),
        b.limit,
      ],
    };
  }
  if (sort === "document") {
    const after = b.after && "file" in b.after ? b.after : null;
    return {
      sql: `h AS (
  SELECT m."key" AS "key", NULL AS "score", d."fileName" AS "file", c."start" AS "start"
  FROM (SELECT rowid AS "key" FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? AND rowid >= ? AND rowid <= ?) m
  CROSS JOIN "ClaimSearchKey" k ON k."key" = m."key"
  CROSS JOIN "Claim" c ON c."id" = k."claimId"
  CROSS JOIN "Document" d ON d."id" = c."documentId"
  ${after ? `WHERE (d."fileName", c."start", m."key") > (?, ?, ?)` : ""}
  ORDER BY d."fileName", c."start", m."key" LIMIT ?
)`,
      params: [match.all, b.floor, b.asOf, ...(after ? [after.file, after.start, after.key] : []), b.limit],
    };
  }
  const after = b.after && "key" in b.after ? b.after : null;
  return {
    sql: `h AS (
  SELECT rowid AS "key", NULL AS "score", NULL AS "file", NULL AS "start" FROM "ClaimSearch"
  WHERE "ClaimSearch" MATCH ? AND rowid <= ? ${after ? `AND rowid < ?` : ""}
  ORDER BY rowid DESC LIMIT ?
)`,
    params: [match.all, b.asOf, ...(after ? [after.key] : []), b.limit],
  };
}

const ORDER: Record<SearchSort, string> = {
  relevance: `h."score", h."key"`,
  document: `h."file", h."start", h."key"`,
  newest: `h."key" DESC`,
};

/** One page of hits with everything a result shows: claim, document, notes, tags, note count. */
export function pageStatement(match: FtsMatch, sort: SearchSort, bounds: PageBounds): Statement {
  const hits = hitsCte(match, sort, bounds);
  return {
    sql: `WITH ${hits.sql}
SELECT h."key" AS "key", h."score" AS "score", h."file" AS "file", h."start" AS "sortStart",
  c."id" AS "claimId", c."start" AS "start", c."end" AS "end", c."exact" AS "exact", c."statement" AS "statement", c."status" AS "status",
  d."slug" AS "docSlug", d."title" AS "docTitle", d."fileName" AS "docFile",
  (SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."claimId" = c."id" AND n."deletedAt" IS NULL) AS "notes",
  (SELECT group_concat(t."slug", ' ') FROM "SuggestedTag" st JOIN "Tag" t ON t."id" = st."tagId" WHERE st."claimId" = c."id") AS "suggested",
  (SELECT group_concat(ct."reviewerId" || ' ' || t."slug", char(10)) FROM "ClaimTag" ct JOIN "Tag" t ON t."id" = ct."tagId" WHERE ct."claimId" = c."id") AS "reviewed",
  (SELECT count(*) FROM "Note" n WHERE n."claimId" = c."id" AND n."deletedAt" IS NULL) AS "noteCount"
FROM h
CROSS JOIN "ClaimSearchKey" k ON k."key" = h."key"
CROSS JOIN "Claim" c ON c."id" = k."claimId"
CROSS JOIN "Document" d ON d."id" = c."documentId"
ORDER BY ${ORDER[sort]}`,
    params: hits.params,
  };
}

/** Every matching claim id (for exporting a search), in key order. */
export function matchingIdsStatement(match: string): Statement {
  return {
    sql: `SELECT k."claimId" AS "claimId" FROM "ClaimSearch" CROSS JOIN "ClaimSearchKey" k ON k."key" = "ClaimSearch".rowid WHERE "ClaimSearch" MATCH ? ORDER BY "ClaimSearch".rowid`,
    params: [match],
  };
}
