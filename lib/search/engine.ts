import "server-only";
import { hasDisagreement } from "../tags/agreement";
import { finalTags } from "../tags/counting-rule";
import { decodeCursor, encodeCursor, fingerprint } from "./cursor";
import { highlightTerms, highlightText, snippetText } from "./highlight";
import { isEmptyQuery, type ParsedQuery, parseQuery, QuerySyntaxError } from "./query-syntax";
import {
  type MatchingClaim,
  type SearchEngine,
  type SearchHit,
  SearchInputError,
  type SearchPage,
  type SearchRequest,
  type SearchSort,
  type SqlRunner,
} from "./types";

/**
 * What every engine shares: parsing, the choice of sort, the ranking window, keyset pages and
 * the hits' shape and highlights. An engine (lib/search/sqlite, lib/search/postgres) brings a
 * SearchDialect: how a parsed query becomes its match, and the five statements that read it.
 * So both engines behave the same by construction, and one test suite runs against each.
 */

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/**
 * Up to this many matches are ranked (or grouped by document). When more match, the
 * search shows the newest first, which costs a few milliseconds at any size, and says so.
 */
export const RANK_WINDOW = 10_000;

/** Up to this many matches are grouped by document; each costs a join (about 5 µs at 1M claims). */
export const GROUP_WINDOW = 5_000;

/** Scores are ordered and paginated as integers: the engine's score × 10⁹ (lower is better). */
export const SCORE_SCALE = 1_000_000_000;

export interface Statement {
  sql: string;
  params: unknown[];
}

export type PageAfter = { score: number; key: number } | { file: string; start: number; key: number } | { key: number };

export interface PageBounds {
  /** Lowest and highest search key in the result set (the window). */
  floor: number;
  asOf: number;
  /** The sort key of the last hit already shown, or null for the first page. */
  after: PageAfter | null;
  limit: number;
}

export interface RelevanceBounds {
  asOf: number | null;
  after: { score: number; key: number } | null;
  limit: number;
  window?: number;
}

/** A compiled query: the engine's own match, whether it has words to rank by, and its identity. */
export interface CompiledMatch<M> {
  match: M;
  ranked: boolean;
  /** Identifies the match for cursors (same text, same rows). */
  identity: string;
}

/**
 * Row columns every statement returns for a hit: key, score, file, sortStart, claimId, start,
 * end, exact, statement, status, docSlug, docTitle, docFile, notes (newline-joined), suggested
 * (space-joined slugs), reviewed ("reviewerId slug" lines), verdict (a curator's final tags, space-joined;
 * null without a verdict), noteCount. Probe and relevance
 * statements also return asOf, total and boundary.
 */
export interface SearchDialect<M> {
  compile(query: ParsedQuery): CompiledMatch<M>;
  probe(match: M, window: number): Statement;
  relevance(match: M, bounds: RelevanceBounds): Statement;
  documentPage(match: M, bounds: PageBounds): Statement;
  newestPage(match: M, bounds: PageBounds): Statement;
  matchingClaims(match: M): Statement;
  /** Which of these words (a–z only) the index holds, in the order given. */
  knownWords(words: string[]): Statement;
}

type Row = Record<string, unknown>;

/** A request parsed and planned: the match, the sort actually used, the page size. */
export interface SearchPlan<M> {
  query: ParsedQuery;
  match: M;
  sort: SearchSort;
  limit: number;
  fingerprint: string;
  /** The input had text but nothing searchable (only symbols or punctuation): no results. */
  nothingToSearch: boolean;
}

export function planWith<M>(compile: SearchDialect<M>["compile"], request: SearchRequest): SearchPlan<M> {
  let query: ParsedQuery;
  try {
    query = parseQuery(request.q);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw new SearchInputError(error.message);
    throw error;
  }
  const compiled = compile(query);
  const asked = request.sort ?? "relevance";
  // Without words there is nothing to rank by: newest first is the useful order.
  const sort = asked === "relevance" && !compiled.ranked ? "newest" : asked;
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(request.limit ?? DEFAULT_LIMIT)));
  // An empty query lists every claim; a query that was all symbols must not.
  const nothingToSearch = request.q.trim() !== "" && isEmptyQuery(query);
  if (nothingToSearch)
    query.notices.push("The query has no words or filters to search for (only symbols or punctuation).");
  return {
    query,
    match: compiled.match,
    sort,
    limit,
    fingerprint: fingerprint(compiled.identity, sort),
    nothingToSearch,
  };
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
  // A curator's verdict (null: none; "" a verdict of no tags) wins, as in every count.
  const verdict = row.verdict == null ? null : splitWords(row.verdict);
  const final = finalTags({ suggestedTags: suggested, reviewerTags: reviewed, finalTags: verdict });
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
    tags: final.tags,
    tagsAreSuggested: final.agreement === "suggested",
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

const CAPPED_NOTICE = (window: number, sort: SearchSort) =>
  `More than ${window.toLocaleString("en")} claims match, too many to ${sort === "document" ? "group by document" : "rank"}: they are shown newest first. ` +
  `Add words or filters to ${sort === "document" ? "group them" : "rank them by best match"}.`;

export interface EngineOptions {
  /** Most matches ranked (RANK_WINDOW). */
  rankWindow?: number;
  /** Most matches grouped by document (GROUP_WINDOW). */
  groupWindow?: number;
}

/** Claim search over one dialect's index, through a SqlRunner. */
export function createSearchEngine<M>(
  run: SqlRunner,
  dialect: SearchDialect<M>,
  options: EngineOptions = {},
): SearchEngine {
  const rankWindow = options.rankWindow ?? RANK_WINDOW;
  const groupWindow = options.groupWindow ?? Math.min(GROUP_WINDOW, rankWindow);
  async function rows(statement: Statement): Promise<Row[]> {
    return run(statement.sql, statement.params);
  }

  return {
    async search(request: SearchRequest): Promise<SearchPage> {
      const plan = planWith(dialect.compile, request);
      const terms = highlightTerms(plan.query);
      const empty = { query: plan.query, hits: [], nextCursor: null, notices: plan.query.notices };
      if (plan.nothingToSearch) return { ...empty, sort: plan.sort, total: 0, totalIsCapped: false };
      const cursor = request.cursor ? decodeCursor(request.cursor, plan.fingerprint) : null;
      const limit = plan.limit + 1;

      const page = (sort: SearchSort, window: Window, found: Row[], notices = plan.query.notices): SearchPage => {
        const shown = found.slice(0, plan.limit);
        const last = shown[shown.length - 1];
        const nextCursor =
          found.length > plan.limit && last
            ? encodeCursor({ v: 1, fp: plan.fingerprint, sort, ...window, after: afterOf(sort, last) })
            : null;
        return {
          query: plan.query,
          sort,
          total: window.total,
          totalIsCapped: window.capped,
          hits: shown.map((r) => toHit(r, sort, terms)),
          nextCursor,
          notices,
        };
      };

      // Best match: one statement sizes the result and ranks it, unless it is too large.
      if (plan.sort === "relevance" && (!cursor || cursor.sort === "relevance")) {
        const after = cursor && "score" in cursor.after ? cursor.after : null;
        // A later page ranks the same result as the first (keys up to asOf); the doubled
        // window only allows for claims edited into the result meanwhile.
        const found = await rows(
          dialect.relevance(plan.match, {
            asOf: cursor?.asOf ?? null,
            after,
            limit,
            window: cursor ? 2 * rankWindow : rankWindow,
          }),
        );
        const total = Number(found[0].total);
        const asOf = Number(found[0].asOf);
        if (total === 0) return { ...empty, sort: "relevance", total: 0, totalIsCapped: false };
        if (cursor || total <= rankWindow) {
          const window = cursor ?? { asOf, floor: 0, total, capped: false };
          return page(
            "relevance",
            window,
            found.filter((r) => r.key != null),
          );
        }
        const window = { asOf, floor: 0, total: rankWindow, capped: true };
        const newest = await rows(dialect.newestPage(plan.match, { floor: 0, asOf, after: null, limit }));
        return page("newest", window, newest, [...plan.query.notices, CAPPED_NOTICE(rankWindow, "relevance")]);
      }

      // By document or newest first: size the result, then walk one page. More matches than
      // the window are shown newest first whatever the sort, at a cost that does not grow.
      let window: Window;
      if (cursor) {
        window = cursor;
      } else {
        // Newest first needs no window but counts up to the ranking one; grouping by document
        // costs a few microseconds a match (a join for its document and position), so less.
        const size = plan.sort === "document" ? groupWindow : rankWindow;
        const [probe] = await rows(dialect.probe(plan.match, size));
        window = readWindow(probe, size);
      }
      if (window.total === 0) return { ...empty, sort: plan.sort, total: 0, totalIsCapped: false };
      const sort: SearchSort = cursor
        ? cursor.sort
        : plan.sort === "document" && !window.capped
          ? "document"
          : "newest";
      const bounds = { floor: window.floor, asOf: window.asOf, after: cursor?.after ?? null, limit };
      const found = await rows(
        sort === "document" ? dialect.documentPage(plan.match, bounds) : dialect.newestPage(plan.match, bounds),
      );
      // Later pages of a search too large to rank or group keep saying why.
      const notices =
        plan.sort !== "newest" && sort === "newest" && window.capped
          ? [...plan.query.notices, CAPPED_NOTICE(window.total, plan.sort)]
          : plan.query.notices;
      return page(sort, window, found, notices);
    },

    async knownWords(words: string[]): Promise<string[]> {
      if (words.length === 0) return [];
      return (await rows(dialect.knownWords(words))).map((r) => String(r.w));
    },

    async matchingClaims(q: string): Promise<MatchingClaim[]> {
      const plan = planWith(dialect.compile, { q });
      if (plan.nothingToSearch) return [];
      return (await rows(dialect.matchingClaims(plan.match))).map((r) => ({
        claimId: String(r.claimId),
        documentId: String(r.documentId),
      }));
    },
  };
}
