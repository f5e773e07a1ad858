import { decodeCursor, encodeCursor, fingerprint, type SearchCursor } from "../cursor";
import { highlightTerms, highlightText, snippetText } from "../highlight";
import { hasRankableText, isEmptyQuery, parseQuery, QuerySyntaxError, type ParsedQuery } from "../query-syntax";
import { SearchInputError, type SearchEngine, type SearchHit, type SearchPage, type SearchRequest, type SearchSort, type SqlRunner } from "../types";
import { hasDisagreement } from "../../tags/agreement";
import { buildFtsMatch, type FtsMatch } from "./fts-match";
import { matchingIdsStatement, pageStatement, probeStatement, RANK_WINDOW, SCORE_SCALE, type PageAfter, type Statement } from "./statements";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

type Row = Record<string, unknown>;

/** A parsed, planned request: what both the engine and the benchmark's floor run. */
export interface SqlitePlan {
  query: ParsedQuery;
  match: FtsMatch;
  sort: SearchSort;
  limit: number;
  fingerprint: string;
  /** The input had text but nothing searchable (only symbols or punctuation): no results. */
  nothingToSearch: boolean;
}

export function planSearch(request: SearchRequest): SqlitePlan {
  let query: ParsedQuery;
  try {
    query = parseQuery(request.q);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw new SearchInputError(error.message);
    throw error;
  }
  const match = buildFtsMatch(query);
  const asked = request.sort ?? "relevance";
  // Without words there is nothing to rank by: newest first is the useful order.
  const sort = asked === "relevance" && !hasRankableText(query) ? "newest" : asked;
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(request.limit ?? DEFAULT_LIMIT)));
  // An empty query lists every claim; a query that was all symbols must not.
  const nothingToSearch = request.q.trim() !== "" && isEmptyQuery(query);
  if (nothingToSearch) query.notices.push("The query has no words or filters to search for (only symbols or punctuation).");
  return { query, match, sort, limit, fingerprint: fingerprint(match.all, sort), nothingToSearch };
}

export interface Window {
  asOf: number;
  floor: number;
  total: number;
  capped: boolean;
}

/** Reads the probe row: the result set is every match with a key in [floor, asOf]. */
export function readWindow(row: Row, window = RANK_WINDOW): Window {
  const total = Number(row.total);
  const capped = total > window;
  return {
    asOf: Number(row.asOf),
    floor: capped ? Number(row.boundary) + 1 : 0,
    total: Math.min(total, window),
    capped,
  };
}

function afterOf(sort: SearchSort, row: Row): PageAfter {
  if (sort === "relevance") return { score: Number(row.score), key: Number(row.key) };
  if (sort === "document") return { file: String(row.file), start: Number(row.sortStart), key: Number(row.key) };
  return { key: Number(row.key) };
}

function splitWords(value: unknown): string[] {
  return typeof value === "string" && value ? value.split(/\s+/) : [];
}

export function toHit(row: Row, sort: SearchSort, terms: ReturnType<typeof highlightTerms>): SearchHit {
  const suggested = [...new Set(splitWords(row.suggested))].sort();
  const reviewed = (typeof row.reviewed === "string" && row.reviewed ? row.reviewed.split("\n") : []).map((line) => {
    const [reviewerId, tag] = line.split(" ");
    return { reviewerId, tag };
  });
  const reviewerTags = [...new Set(reviewed.map((r) => r.tag))].sort();
  const claimId = String(row.claimId);
  const slug = String(row.docSlug);
  return {
    claimId,
    document: { slug, title: String(row.docTitle), fileName: String(row.docFile) },
    start: Number(row.start),
    end: Number(row.end),
    exact: String(row.exact),
    statement: row.statement == null ? null : String(row.statement),
    status: String(row.status),
    tags: reviewerTags.length ? reviewerTags : suggested,
    tagsAreSuggested: reviewerTags.length === 0,
    disagreement: hasDisagreement(reviewed),
    noteCount: Number(row.noteCount),
    score: sort === "relevance" ? Number(row.score) / SCORE_SCALE : null,
    highlights: {
      exact: highlightText(String(row.exact), terms),
      statement: row.statement == null ? null : highlightText(String(row.statement), terms),
      notes: typeof row.notes === "string" ? snippetText(row.notes, terms) : null,
      title: highlightText(String(row.docTitle), terms),
    },
    url: `/documents/${encodeURIComponent(slug)}#claim-${encodeURIComponent(claimId)}`,
  };
}

async function runOne(run: SqlRunner, statement: Statement): Promise<Row[]> {
  return run(statement.sql, statement.params);
}

/** Claim search on SQLite FTS5 (the ClaimSearch table and triggers of the claim_search migration). */
export function createSqliteSearch(run: SqlRunner): SearchEngine {
  return {
    async search(request: SearchRequest): Promise<SearchPage> {
      const plan = planSearch(request);
      if (plan.nothingToSearch) return { query: plan.query, sort: plan.sort, total: 0, totalIsCapped: false, hits: [], nextCursor: null, notices: plan.query.notices };
      let cursor: SearchCursor | null = null;
      let window: Window;
      if (request.cursor) {
        cursor = decodeCursor(request.cursor, plan.fingerprint);
        window = cursor;
      } else {
        const [probe] = await runOne(run, probeStatement(plan.match.all));
        window = readWindow(probe);
      }
      const base = { query: plan.query, sort: plan.sort, total: window.total, totalIsCapped: window.capped, notices: plan.query.notices };
      if (window.total === 0) return { ...base, hits: [], nextCursor: null };

      const rows = await runOne(run, pageStatement(plan.match, plan.sort, { floor: window.floor, asOf: window.asOf, after: cursor?.after ?? null, limit: plan.limit + 1 }));
      const shown = rows.slice(0, plan.limit);
      const last = shown[shown.length - 1];
      const nextCursor =
        rows.length > plan.limit && last
          ? encodeCursor({ v: 1, fp: plan.fingerprint, sort: plan.sort, asOf: window.asOf, floor: window.floor, total: window.total, capped: window.capped, after: afterOf(plan.sort, last) })
          : null;
      const terms = highlightTerms(plan.query);
      return { ...base, hits: shown.map((row) => toHit(row, plan.sort, terms)), nextCursor };
    },

    async matchingClaimIds(q: string): Promise<string[]> {
      const plan = planSearch({ q });
      if (plan.nothingToSearch) return [];
      const rows = await runOne(run, matchingIdsStatement(plan.match.all));
      return rows.map((r) => String(r.claimId));
    },
  };
}
