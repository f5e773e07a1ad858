import "server-only";
/**
 * Maintenance SQL for the FTS5 index of the claim_search migration, for bulk loads: drop
 * the sync triggers, load, rebuild the index from the ClaimSearchSource view in one pass,
 * then restore the triggers. Run them with better-sqlite3's exec (several statements).
 */

/** Lists the sync triggers (name, sql) so they can be dropped and restored verbatim. */
export const LIST_SEARCH_TRIGGERS_SQL = `SELECT "name", "sql" FROM sqlite_master WHERE type = 'trigger' AND "name" LIKE 'ClaimSearch\\_%' ESCAPE '\\' ORDER BY "name"`;

/** Gives every claim a search key and indexes every live claim, from scratch. */
export const REBUILD_SEARCH_INDEX_SQL = `
DELETE FROM "ClaimSearch";
INSERT OR IGNORE INTO "ClaimSearchKey"("claimId") SELECT "id" FROM "Claim" ORDER BY "createdAt", rowid;
INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
    SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource";
INSERT INTO "ClaimSearch"("ClaimSearch") VALUES ('optimize');
`;
