import "server-only";
import { type PageBounds, RANK_WINDOW, type RelevanceBounds, SCORE_SCALE, type Statement } from "../engine";
import type { TsMatch } from "./ts-match";

/**
 * The SQL the PostgreSQL engine runs, over the ClaimSearch table of prisma/postgres's
 * claim_search migration (key, claimId, live, words tsvector + GIN, facets text[] + GIN).
 * The same statements, result columns and window logic as lib/search/sqlite/statements.ts;
 * every value is a bound parameter ($n), every tsquery goes through to_tsquery('claimbook', $n).
 */

// ts_rank_cd's weights are {D, C, B, A}: title, notes and tags, statement, exact — the SQLite
// engine's bm25 weights 1, 2, 4, 8 scaled to 1. Negated, so lower is better as with bm25.
const RANK = `ts_rank_cd('{0.125, 0.25, 0.5, 1.0}', s."words", to_tsquery('claimbook', {words}))`;

const NEWEST_KEY = `(SELECT coalesce(max("key"), 0) FROM "ClaimSearch")`;

/** Collects parameters and hands out their $n placeholders. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, type: "text" | "bigint" | "int"): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** The WHERE condition on "ClaimSearch" s for a match. */
function condition(match: TsMatch, p: Params): string {
  const parts = [`s."live"`];
  if (match.include) parts.push(`s."words" @@ to_tsquery('claimbook', ${p.add(match.include, "text")})`);
  if (match.facets.length) parts.push(`s."facets" @> ARRAY[${match.facets.map((f) => p.add(f, "text")).join(", ")}]`);
  if (match.exclude) parts.push(`NOT (s."words" @@ to_tsquery('claimbook', ${p.add(match.exclude, "text")}))`);
  if (match.notFacets.length)
    parts.push(`NOT (s."facets" && ARRAY[${match.notFacets.map((f) => p.add(f, "text")).join(", ")}])`);
  return parts.join(" AND ");
}

/** What a result row shows, for the hits in CTE "h" (key, score, file, start). */
const DETAILS = `h."key" AS "key", h."score" AS "score", h."file" AS "file", h."start" AS "sortStart",
  c."id" AS "claimId", c."start" AS "start", c."end" AS "end", c."exact" AS "exact", c."statement" AS "statement", c."status" AS "status",
  d."slug" AS "docSlug", d."title" AS "docTitle", d."fileName" AS "docFile",
  (SELECT string_agg(n."body", E'\\n' ORDER BY n."createdAt", n."id") FROM "Note" n WHERE n."claimId" = c."id" AND n."deletedAt" IS NULL) AS "notes",
  (SELECT string_agg(t."slug", ' ') FROM "SuggestedTag" st JOIN "Tag" t ON t."id" = st."tagId" WHERE st."claimId" = c."id") AS "suggested",
  (SELECT string_agg(ct."reviewerId" || ' ' || t."slug", E'\\n') FROM "ClaimTag" ct JOIN "Tag" t ON t."id" = ct."tagId" WHERE ct."claimId" = c."id") AS "reviewed",
  CASE WHEN EXISTS (SELECT 1 FROM "Adjudication" a WHERE a."claimId" = c."id")
    THEN coalesce((SELECT string_agg(t."slug", ' ') FROM "FinalTag" f JOIN "Tag" t ON t."id" = f."tagId" WHERE f."claimId" = c."id"), '') END AS "verdict",
  (SELECT count(*) FROM "Note" n WHERE n."claimId" = c."id" AND n."deletedAt" IS NULL) AS "noteCount"`;

const JOIN_DETAILS = `JOIN "ClaimSearch" k ON k."key" = h."key"
JOIN "Claim" c ON c."id" = k."claimId"
JOIN "Document" d ON d."id" = c."documentId"`;

/** The newest key, and the newest window + 1 matches: their count and the oldest of them. */
export function probeStatement(match: TsMatch, window = RANK_WINDOW): Statement {
  const p = new Params();
  const where = condition(match, p);
  return {
    sql: `SELECT ${NEWEST_KEY} AS "asOf", count(*) AS "total", min(m."key") AS "boundary"
FROM (SELECT s."key" FROM "ClaimSearch" s WHERE ${where} ORDER BY s."key" DESC LIMIT ${p.add(window + 1, "bigint")}) m`,
    params: p.values,
  };
}

/**
 * One page ranked by ts_rank_cd and, on the first page, the size of the result in the same
 * statement (see the SQLite relevanceStatement): "m" is the newest window + 1 matches; when
 * there are more than the window nothing is ranked. Scores are integers (rank × 10⁹, negated).
 */
export function relevanceStatement(match: TsMatch & { words: string }, b: RelevanceBounds): Statement {
  const window = b.window ?? RANK_WINDOW;
  const p = new Params();
  const asOf = b.asOf === null ? NEWEST_KEY : p.add(b.asOf, "bigint");
  const where = condition(match, p);
  const windowPlusOne = p.add(window + 1, "bigint");
  const windowParam = p.add(window, "bigint");
  const rank = RANK.replace("{words}", p.add(match.words, "text"));
  const after = b.after;
  const afterKey = after ? p.add(after.key, "bigint") : "";
  const afterScore = after ? p.add(after.score, "bigint") : "";
  const limit = p.add(b.limit, "bigint");
  return {
    sql: `WITH
p0 AS MATERIALIZED (SELECT ${asOf} AS "asOf"),
m AS MATERIALIZED (
  SELECT s."key" FROM "ClaimSearch" s WHERE ${where} AND s."key" <= (SELECT "asOf" FROM p0) ORDER BY s."key" DESC LIMIT ${windowPlusOne}
),
p AS MATERIALIZED (SELECT count(*) AS "total", min("key") AS "boundary", (SELECT "asOf" FROM p0) AS "asOf" FROM m),
r AS MATERIALIZED (
  SELECT s."key" AS "key", round(-${rank} * ${SCORE_SCALE})::bigint AS "score"
  FROM "ClaimSearch" s WHERE s."key" IN (SELECT "key" FROM m) AND (SELECT "total" FROM p) <= ${windowParam}
),
${after ? `a AS (SELECT coalesce((SELECT "score" FROM r WHERE "key" = ${afterKey}), ${afterScore}) AS "score"),\n` : ""}h AS (
  SELECT "key", "score", NULL::text AS "file", NULL::int AS "start" FROM r
  ${after ? `WHERE "score" > (SELECT "score" FROM a) OR ("score" = (SELECT "score" FROM a) AND "key" > ${afterKey})` : ""}
  ORDER BY "score", "key" LIMIT ${limit}
)
SELECT p."total" AS "total", p."boundary" AS "boundary", p."asOf" AS "asOf", hits.*
FROM p LEFT JOIN (SELECT ${DETAILS} FROM h ${JOIN_DETAILS}) hits ON true
ORDER BY hits."score", hits."key"`,
    params: p.values,
  };
}

/** One page grouped by document (file name, then position in the text). */
export function documentPageStatement(match: TsMatch, b: PageBounds): Statement {
  const after = b.after && "file" in b.after ? b.after : null;
  const p = new Params();
  const where = condition(match, p);
  const range = `s."key" >= ${p.add(b.floor, "bigint")} AND s."key" <= ${p.add(b.asOf, "bigint")}`;
  const afterSql = after
    ? `AND (d."fileName", c."start", s."key") > (${p.add(after.file, "text")}, ${p.add(after.start, "int")}, ${p.add(after.key, "bigint")})`
    : "";
  return {
    sql: `WITH h AS (
  SELECT s."key" AS "key", NULL::bigint AS "score", d."fileName" AS "file", c."start" AS "start"
  FROM "ClaimSearch" s
  JOIN "Claim" c ON c."id" = s."claimId"
  JOIN "Document" d ON d."id" = c."documentId"
  WHERE ${where} AND ${range} ${afterSql}
  ORDER BY d."fileName", c."start", s."key" LIMIT ${p.add(b.limit, "bigint")}
)
SELECT ${DETAILS} FROM h ${JOIN_DETAILS}
ORDER BY h."file", h."start", h."key"`,
    params: p.values,
  };
}

/** One page, most recently added first. */
export function newestPageStatement(match: TsMatch, b: PageBounds): Statement {
  const after = b.after && "key" in b.after ? b.after : null;
  const p = new Params();
  const where = condition(match, p);
  const range = `s."key" <= ${p.add(b.asOf, "bigint")}${after ? ` AND s."key" < ${p.add(after.key, "bigint")}` : ""}`;
  return {
    sql: `WITH h AS (
  SELECT s."key" AS "key", NULL::bigint AS "score", NULL::text AS "file", NULL::int AS "start" FROM "ClaimSearch" s
  WHERE ${where} AND ${range}
  ORDER BY s."key" DESC LIMIT ${p.add(b.limit, "bigint")}
)
SELECT ${DETAILS} FROM h ${JOIN_DETAILS}
ORDER BY h."key" DESC`,
    params: p.values,
  };
}

/** Every matching claim with its document (for exporting a search), in key order. */
export function matchingClaimsStatement(match: TsMatch): Statement {
  const p = new Params();
  const where = condition(match, p);
  return {
    sql: `SELECT s."claimId" AS "claimId", c."documentId" AS "documentId" FROM "ClaimSearch" s
JOIN "Claim" c ON c."id" = s."claimId"
WHERE ${where} ORDER BY s."key"`,
    params: p.values,
  };
}

/** Which of these words (letters a–z only) occur in any live claim's searched text, in the order given. */
export function knownWordsStatement(words: string[]): Statement {
  if (words.some((w) => !/^[a-z]+$/.test(w))) throw new Error("knownWords takes words of letters a-z only");
  return {
    sql: `SELECT v."w" AS "w" FROM json_array_elements_text($1::json) WITH ORDINALITY AS v("w", "i")
WHERE EXISTS (SELECT 1 FROM "ClaimSearch" s WHERE s."live" AND s."words" @@ to_tsquery('claimbook', quote_literal(v."w")))
ORDER BY v."i"`,
    params: [JSON.stringify(words)],
  };
}
