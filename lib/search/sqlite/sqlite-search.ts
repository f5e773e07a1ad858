import "server-only";
import { createSearchEngine, type EngineOptions, planWith, type SearchDialect, type SearchPlan } from "../engine";
import type { SearchEngine, SearchRequest, SqlRunner } from "../types";
import { buildFtsMatch, type FtsMatch } from "./fts-match";
import {
  documentPageStatement,
  knownWordsStatement,
  matchingClaimsStatement,
  newestPageStatement,
  probeStatement,
  relevanceStatement,
} from "./statements";

export { DEFAULT_LIMIT, MAX_LIMIT, readWindow, toHit, type Window } from "../engine";

/** SQLite FTS5: the ClaimSearch table and triggers of the claim_search migration. */
export const sqliteDialect: SearchDialect<FtsMatch> = {
  compile(query) {
    const match = buildFtsMatch(query);
    return { match, ranked: match.words !== null, identity: match.all };
  },
  probe: (match, window) => probeStatement(match.all, window),
  relevance: (match, bounds) => relevanceStatement({ ...match, words: match.words ?? match.all }, bounds),
  documentPage: (match, bounds) => documentPageStatement(match.all, bounds),
  newestPage: (match, bounds) => newestPageStatement(match.all, bounds),
  matchingClaims: (match) => matchingClaimsStatement(match.all),
  knownWords: knownWordsStatement,
};

export type SqlitePlan = SearchPlan<FtsMatch>;

export function planSearch(request: SearchRequest): SqlitePlan {
  return planWith(sqliteDialect.compile, request);
}

/** Claim search on SQLite FTS5. */
export function createSqliteSearch(run: SqlRunner, options: EngineOptions = {}): SearchEngine {
  return createSearchEngine(run, sqliteDialect, options);
}
