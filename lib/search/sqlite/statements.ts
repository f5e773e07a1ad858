import "server-only";
import { type PageBounds, RANK_WINDOW, type RelevanceBounds, SCORE_SCALE, type Statement } from "../engine";
import type { FtsMatch } from "./fts-match";

export { GROUP_WINDOW, type PageAfter, type PageBounds, RANK_WINDOW, SCORE_SCALE, type Statement } from "../engine";

/**
 * The SQL the SQLite engine runs, built here and nowhere else so the benchmark can run the
 * very same statements straight on better-sqlite3 as the floor to compare against.
 * Parameters are positional (?); MATCH expressions are always bound parameters.
 *
 * What costs what in FTS5 (measured at a million claims, docs/search in README):
 * walking a doclist costs ~0.1 µs a row, and a LIMIT stops the walk early; bm25 costs
 * ~1 µs a ranked row *plus* one full walk of the doclist of every phrase in its query
 * (document frequencies), however few rows are ranked. Hence the window below, ranking
 * with the words alone, and filters applied as a membership test.
 */

// Column weights follow the table's columns: exact, statement, notes, tags, title, facets.
// Facets are filter tokens and must never add to the score.
const BM25 = `bm25("ClaimSearch", 8.0, 4.0, 2.0, 2.0, 1.0, 0.0)`;
/** A facet token no row carries (see fts-match.ts). */
const NO_ROW = "\uE000none";

const NEWEST_KEY = `(SELECT coalesce(max("key"), 0) FROM "ClaimSearchKey")`;

/**
 * The newest key, and the newest window + 1 matches in one walk: their count (the total
 * when it is at most the window) and the oldest of them (the key just below the window).
 */
export function probeStatement(match: string, window = RANK_WINDOW): Statement {
  return {
    sql: `SELECT ${NEWEST_KEY} AS "asOf", count(*) AS "total", min("key") AS "boundary"
FROM (SELECT rowid AS "key" FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? ORDER BY rowid DESC LIMIT ?)`,
    params: [match, window + 1],
  };
}

/** What a result row shows, for the hits in CTE "h" (key, score, file, start). */
const DETAILS = `h."key" AS "key", h."score" AS "score", h."file" AS "file", h."start" AS "sortStart",
  c."id" AS "claimId", c."start" AS "start", c."end" AS "end", c."exact" AS "exact", c."statement" AS "statement", c."status" AS "status",
  d."slug" AS "docSlug", d."title" AS "docTitle", d."fileName" AS "docFile",
  (SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."claimId" = c."id" AND n."deletedAt" IS NULL) AS "notes",
  (SELECT group_concat(t."slug", ' ') FROM "SuggestedTag" st JOIN "Tag" t ON t."id" = st."tagId" WHERE st."claimId" = c."id") AS "suggested",
  (SELECT group_concat(ct."reviewerId" || ' ' || t."slug", char(10)) FROM "ClaimTag" ct JOIN "Tag" t ON t."id" = ct."tagId" WHERE ct."claimId" = c."id") AS "reviewed",
  CASE WHEN EXISTS (SELECT 1 FROM "Adjudication" a WHERE a."claimId" = c."id")
    THEN coalesce((SELECT group_concat(t."slug", ' ') FROM "FinalTag" f JOIN "Tag" t ON t."id" = f."tagId" WHERE f."claimId" = c."id"), '') END AS "verdict",
  (SELECT count(*) FROM "Note" n WHERE n."claimId" = c."id" AND n."deletedAt" IS NULL) AS "noteCount"`;

const JOIN_DETAILS = `CROSS JOIN "ClaimSearchKey" k ON k."key" = h."key"
CROSS JOIN "Claim" c ON c."id" = k."claimId"
CROSS JOIN "Document" d ON d."id" = c."documentId"`;

/**
 * One page ranked by bm25, and, on the first page, the size of the result in the same
 * statement. "m" walks the newest window + 1 matches of the whole query once; when there
 * are more than the window nothing is ranked (the engine shows the newest instead).
 * Otherwise "m" is the whole result, and "r" ranks it with the words alone (FtsMatch.words),
 * over the key range of "m" and, when filters or exclusions narrow it, only rows in "m".
 * The first row always carries total/boundary/asOf; hit columns are null when none.
 *
 * Scores are integers (bm25 × 10⁹) because a cursor must compare equal to the score it
 * came from, and a double does not survive every driver's parameter binding exactly. The
 * next page starts after the last hit's score *now* ("a"), not its score then: claims
 * added since shift every bm25 score (document frequencies change) but, for one word, not
 * their order, so the pages still join up without repeats.
 */
export function relevanceStatement(match: FtsMatch & { words: string }, b: RelevanceBounds): Statement {
  const window = b.window ?? RANK_WINDOW;
  const narrowed = match.all !== match.words;
  const after = b.after;
  return {
    sql: `WITH
p0 AS MATERIALIZED (SELECT ${b.asOf === null ? NEWEST_KEY : "?"} AS "asOf"),
m AS MATERIALIZED (
  SELECT rowid AS "key" FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? AND rowid <= (SELECT "asOf" FROM p0) ORDER BY rowid DESC LIMIT ?
),
p AS MATERIALIZED (SELECT count(*) AS "total", min("key") AS "boundary", max("key") AS "top", (SELECT "asOf" FROM p0) AS "asOf" FROM m),
r AS MATERIALIZED (
  SELECT rowid AS "key", CAST(round(${BM25} * ${SCORE_SCALE}) AS INTEGER) AS "score" FROM "ClaimSearch"
  -- Too many matches: match a token no row has, so FTS5 walks nothing (a constant
  -- condition in WHERE would still let it walk every row).
  WHERE "ClaimSearch" MATCH (CASE WHEN (SELECT "total" FROM p) <= ? THEN ? ELSE '"${NO_ROW}"' END)
    AND rowid >= (SELECT "boundary" FROM p) AND rowid <= (SELECT "top" FROM p)${narrowed ? `\n    AND +rowid IN (SELECT "key" FROM m)` : ""}
),
${after ? `a AS (SELECT coalesce((SELECT "score" FROM r WHERE "key" = ?), ?) AS "score"),\n` : ""}h AS (
  SELECT "key", "score", NULL AS "file", NULL AS "start" FROM r
  ${after ? `WHERE "score" > (SELECT "score" FROM a) OR ("score" = (SELECT "score" FROM a) AND "key" > ?)` : ""}
  ORDER BY "score", "key" LIMIT ?
)
SELECT p."total" AS "total", p."boundary" AS "boundary", p."asOf" AS "asOf", hits.*
FROM p LEFT JOIN (SELECT ${DETAILS} FROM h ${JOIN_DETAILS}) hits ON 1
ORDER BY hits."score", hits."key"`,
    params: [
      ...(b.asOf === null ? [] : [b.asOf]),
      match.all,
      window + 1,
      window,
      match.words,
      ...(after ? [after.key, after.score, after.key] : []),
      b.limit,
    ],
  };
}

/** One page grouped by document (file name, then position in the text). */
export function documentPageStatement(match: string, b: PageBounds): Statement {
  const after = b.after && "file" in b.after ? b.after : null;
  return {
    sql: `WITH h AS (
  SELECT m."key" AS "key", NULL AS "score", d."fileName" AS "file", c."start" AS "start"
  FROM (SELECT rowid AS "key" FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? AND rowid >= ? AND rowid <= ?) m
  CROSS JOIN "ClaimSearchKey" k ON k."key" = m."key"
  CROSS JOIN "Claim" c ON c."id" = k."claimId"
  CROSS JOIN "Document" d ON d."id" = c."documentId"
  ${after ? `WHERE (d."fileName", c."start", m."key") > (?, ?, ?)` : ""}
  ORDER BY d."fileName", c."start", m."key" LIMIT ?
)
SELECT ${DETAILS} FROM h ${JOIN_DETAILS}
ORDER BY h."file", h."start", h."key"`,
    params: [match, b.floor, b.asOf, ...(after ? [after.file, after.start, after.key] : []), b.limit],
  };
}

/** One page, most recently added first: a walk that stops after `limit` rows. */
export function newestPageStatement(match: string, b: PageBounds): Statement {
  const after = b.after && "key" in b.after ? b.after : null;
  return {
    sql: `WITH h AS (
  SELECT rowid AS "key", NULL AS "score", NULL AS "file", NULL AS "start" FROM "ClaimSearch"
  WHERE "ClaimSearch" MATCH ? AND rowid <= ? ${after ? `AND rowid < ?` : ""}
  ORDER BY rowid DESC LIMIT ?
)
SELECT ${DETAILS} FROM h ${JOIN_DETAILS}
ORDER BY h."key" DESC`,
    params: [match, b.asOf, ...(after ? [after.key] : []), b.limit],
  };
}

/** Every matching claim with its document (for exporting a search), in key order. */
export function matchingClaimsStatement(match: string): Statement {
  return {
    sql: `SELECT k."claimId" AS "claimId", c."documentId" AS "documentId" FROM "ClaimSearch"
CROSS JOIN "ClaimSearchKey" k ON k."key" = "ClaimSearch".rowid
JOIN "Claim" c ON c."id" = k."claimId"
WHERE "ClaimSearch" MATCH ? ORDER BY "ClaimSearch".rowid`,
    params: [match],
  };
}

/**
 * Which of these words (letters a–z only: lib/search/spelling.ts) occur in any live claim's
 * searched text, in the order given. One FTS5 lookup per word, for spelling suggestions.
 */
export function knownWordsStatement(words: string[]): Statement {
  if (words.some((w) => !/^[a-z]+$/.test(w))) throw new Error("knownWords takes words of letters a-z only");
  return {
    sql: `SELECT v."value" AS "w" FROM json_each(?) v
WHERE EXISTS (SELECT 1 FROM "ClaimSearch" WHERE "ClaimSearch" MATCH '"' || v."value" || '"')
ORDER BY v."key"`,
    params: [JSON.stringify(words)],
  };
}
