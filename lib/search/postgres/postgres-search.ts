import "server-only";
import { createSearchEngine, type EngineOptions, type SearchDialect } from "../engine";
import type { SearchEngine, SqlRunner } from "../types";
import {
  documentPageStatement,
  knownWordsStatement,
  matchingClaimsStatement,
  newestPageStatement,
  probeStatement,
  relevanceStatement,
} from "./statements";
import { buildTsMatch, type TsMatch } from "./ts-match";

/** PostgreSQL: tsvector + GIN (the claim_search migration of prisma/postgres). */
export const postgresDialect: SearchDialect<TsMatch> = {
  compile(query) {
    const match = buildTsMatch(query);
    return { match, ranked: match.words !== null, identity: JSON.stringify(match) };
  },
  probe: probeStatement,
  relevance: (match, bounds) => relevanceStatement({ ...match, words: match.words ?? match.include ?? "" }, bounds),
  documentPage: documentPageStatement,
  newestPage: newestPageStatement,
  matchingClaims: matchingClaimsStatement,
  knownWords: knownWordsStatement,
};

/** Claim search on PostgreSQL. */
export function createPostgresSearch(run: SqlRunner, options: EngineOptions = {}): SearchEngine {
  return createSearchEngine(run, postgresDialect, options);
}
