import "server-only";
import { foldToken } from "../search/fold-token";
import { describeQuery, nearerQueries, respellableTerms, respelled } from "../search/nearest-query";
import { createPostgresSearch } from "../search/postgres/postgres-search";
import { type FilterTerm, isEmptyQuery, type ParsedQuery, parseQuery } from "../search/query-syntax";
import { oneEditAway } from "../search/spelling";
import { createSqliteSearch } from "../search/sqlite/sqlite-search";
import {
  type MatchingClaim,
  type SearchEngine,
  SearchInputError,
  type SearchPage,
  type SearchRequest,
  type SearchSuggestion,
  type SqlRunner,
} from "../search/types";
import { type Db, engineOfDb } from "./client";

/** Raw SQL through the Prisma client, for the search engines in lib/search. */
function prismaRunner(db: Db): SqlRunner {
  return (sql, params) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params);
}

/** Tuning for benchmarks and tests; the app uses the defaults. */
export interface SearchOptions {
  /** Most matches ranked (see RANK_WINDOW in lib/search/sqlite/statements.ts). */
  rankWindow?: number;
  /** Most matches grouped by document (GROUP_WINDOW). */
  groupWindow?: number;
}

/** The search engine for the client's database: SQLite FTS5 or PostgreSQL tsvector, one interface. */
export function searchEngine(db: Db, options: SearchOptions = {}): SearchEngine {
  const create = engineOfDb(db) === "postgres" ? createPostgresSearch : createSqliteSearch;
  return create(prismaRunner(db), options);
}

/**
 * Which `reviewer:` filters of a query name someone the caller may not search by. A filter
 * matches only reviewers whose work every signed-in user already sees: active accounts
 * that have tagged or noted a claim. Any other address — no account, an inactive one, one
 * that never wrote anything — reads the same ("no such reviewer", no hits), so the filter
 * cannot be used to learn which accounts exist.
 */
async function hiddenReviewers(db: Db, q: string): Promise<string[]> {
  let query: ParsedQuery;
  try {
    query = parseQuery(q);
  } catch {
    return []; // the engine reports the syntax error
  }
  const emails = [...new Set(query.filters.filter((f) => f.field === "reviewer" && !f.negated).map((f) => f.value))];
  if (emails.length === 0) return [];
  const visible = await db.user.findMany({
    where: { email: { in: emails }, active: true, OR: [{ tags: { some: {} } }, { notes: { some: {} } }] },
    select: { email: true },
  });
  return emails.filter((e) => !visible.some((v) => v.email === e));
}

/** One page of claims matching a query. Throws SearchInputError with a message for the user. */
export async function searchClaims(db: Db, request: SearchRequest, options: SearchOptions = {}): Promise<SearchPage> {
  const page = await searchEngine(db, options).search(request);
  if ((await hiddenReviewers(db, request.q)).length === 0) return page;
  return { ...page, total: 0, totalIsCapped: false, hits: [], nextCursor: null };
}

/**
 * A page of search results with every notice a person should read beside it: the engine's
 * own (a query too broad to rank, say) and, when nothing matched, filters that name a tag,
 * document or reviewer that does not exist. The page, the JSON API and the CLI all use it.
 */
export async function searchClaimsWithNotices(
  db: Db,
  request: SearchRequest,
  options: SearchOptions = {},
): Promise<SearchPage> {
  const page = await searchClaims(db, request, options);
  if (page.total > 0) return page;
  const notices = [...page.notices, ...(await explainUnknownFilters(db, page.query))];
  if (isEmptyQuery(page.query)) return { ...page, notices };
  return {
    ...page,
    notices: [`Nothing matched ${describeQuery(page.query)}.`, ...notices],
    suggestion: await nearestMatchingQuery(db, page.query, options),
  };
}

/** Most candidate queries tried when a search finds nothing: each costs one small search. */
const MAX_SUGGESTION_TRIES = 6;

/** Most words of a query checked for a misspelling (each costs two index lookups). */
const MAX_RESPELLED_WORDS = 3;
/** Most spellings tried per misspelt word. */
const MAX_SPELLINGS = 2;

/**
 * Queries with a misspelt word corrected: a bare word none of whose forms the index holds is
 * replaced by a word one edit away that it does hold (homocide → homicide).
 */
async function respelledQueries(engine: SearchEngine, query: ParsedQuery): Promise<string[]> {
  const out: string[] = [];
  for (const term of respellableTerms(query).slice(0, MAX_RESPELLED_WORDS)) {
    const word = foldToken(term.tokens[0]);
    if ((await engine.knownWords((term.forms ?? [word]).filter((w) => /^[a-z]+$/.test(w)))).length > 0) continue;
    for (const spelling of (await engine.knownWords(oneEditAway(word))).slice(0, MAX_SPELLINGS))
      out.push(respelled(query, term, spelling));
  }
  return out;
}

/** The nearest query to one that found nothing that finds something, or null. */
async function nearestMatchingQuery(
  db: Db,
  query: ParsedQuery,
  options: SearchOptions,
): Promise<SearchSuggestion | null> {
  // A corrected spelling is nearer than dropping words or filters.
  const candidates = [...(await respelledQueries(searchEngine(db, options), query)), ...nearerQueries(query)];
  for (const q of [...new Set(candidates)].slice(0, MAX_SUGGESTION_TRIES)) {
    try {
      const found = await searchClaims(db, { q, sort: "newest", limit: 1 }, options);
      if (found.total > 0) return { q, total: found.total, totalIsCapped: found.totalIsCapped };
    } catch (error) {
      if (!(error instanceof SearchInputError)) throw error;
    }
  }
  return null;
}

/** Every claim a query matches, with its document, for exporting a search result. */
export async function findMatchingClaims(db: Db, q: string): Promise<MatchingClaim[]> {
  const claims = await searchEngine(db).matchingClaims(q);
  return (await hiddenReviewers(db, q)).length ? [] : claims;
}

/**
 * Why a search found nothing, when a filter names something that does not exist: an
 * unknown tag, document or reviewer reads as "no such thing", not as "no claims".
 */
export async function explainUnknownFilters(db: Db, query: ParsedQuery): Promise<string[]> {
  const wanted = (field: FilterTerm["field"]) => [
    ...new Set(query.filters.filter((f) => f.field === field).map((f) => f.value)),
  ];
  const [tags, docs, reviewers] = [
    [...new Set([...wanted("tag"), ...wanted("final")])],
    wanted("doc"),
    wanted("reviewer"),
  ];
  const messages: string[] = [];
  if (tags.length) {
    const all = await db.tag.findMany({ select: { slug: true }, orderBy: { position: "asc" } });
    for (const t of tags.filter((t) => !all.some((a) => a.slug === t))) {
      messages.push(`There is no tag "${t}"; tags are ${all.map((a) => `tag:${a.slug}`).join(", ")}.`);
    }
  }
  if (docs.length) {
    const found = await db.document.findMany({ where: { slug: { in: docs } }, select: { slug: true } });
    for (const d of docs.filter((d) => !found.some((f) => f.slug === d)))
      messages.push(`There is no document with the slug "${d}".`);
  }
  if (reviewers.length) {
    const hidden = await hiddenReviewers(db, query.filters.map((f) => f.source).join(" "));
    for (const r of reviewers.filter((r) => hidden.includes(r)))
      messages.push(`No reviewer with the email "${r}" has tagged or noted a claim.`);
  }
  return messages;
}
