import type Database from "better-sqlite3";
import pg from "pg";

/**
 * Copies a synthetic corpus loaded into SQLite (synthetic-corpus.ts) into a migrated
 * PostgreSQL database, so both engines are measured on the very same rows. Triggers and
 * foreign-key checks are off during the copy (session_replication_role = replica, which needs
 * a superuser: the bench's own throwaway database), then the search index is built in one
 * pass, as the SQLite loader does.
 */

const TABLES: { table: string; columns: string[]; dates?: string[] }[] = [
  { table: "Tag", columns: ["id", "slug", "label", "letter", "color", "shortcut", "description", "position"] },
  { table: "User", columns: ["id", "email", "name", "passwordHash", "role"] },
  { table: "Document", columns: ["id", "slug", "fileName", "title", "text", "sha256"] },
  {
    table: "Claim",
    columns: [
      "id",
      "documentId",
      "start",
      "end",
      "exact",
      "prefix",
      "suffix",
      "paragraphStart",
      "paragraphEnd",
      "textHash",
      "statement",
      "kind",
      "status",
      "createdAt",
      "updatedAt",
      "deletedAt",
    ],
    dates: ["createdAt", "updatedAt", "deletedAt"],
  },
  { table: "SuggestedTag", columns: ["claimId", "tagId"] },
  { table: "ClaimTag", columns: ["claimId", "tagId", "reviewerId"] },
  {
    table: "Note",
    columns: ["id", "claimId", "authorId", "body", "updatedAt", "deletedAt"],
    dates: ["updatedAt", "deletedAt"],
  },
];

// PostgreSQL takes at most 65,535 parameters a statement.
const MAX_PARAMS = 60_000;

export async function copyCorpusToPostgres(
  sqlite: Database.Database,
  url: string,
): Promise<{ copySeconds: number; indexSeconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("SET session_replication_role = replica");
    const base = Date.now();
    for (const { table, columns, dates = [] } of TABLES) {
      // Claims get createdAt in rowid order, so the index's keys follow the SQLite ones.
      const select = columns.map((c) => (c === "createdAt" ? `rowid AS "createdAt"` : `"${c}"`)).join(", ");
      const rows = sqlite
        .prepare(`SELECT ${select} FROM "${table}" ORDER BY rowid`)
        .raw()
        .iterate() as IterableIterator<unknown[]>;
      const perStatement = Math.floor(MAX_PARAMS / columns.length);
      let batch: unknown[][] = [];
      const flush = async () => {
        if (!batch.length) return;
        const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
        await client.query(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values.join(", ")}`,
          batch.flat(),
        );
        batch = [];
      };
      for (const row of rows) {
        batch.push(
          row.map((value, i) => {
            if (!dates.includes(columns[i]) || value === null) return value;
            return columns[i] === "createdAt" ? new Date(base + Number(value)) : new Date(Number(value));
          }),
        );
        if (batch.length === perStatement) await flush();
      }
      await flush();
    }
    await client.query("SET session_replication_role = DEFAULT");
    // Statistics first: without them the planner takes the fresh tables for empty and joins
    // the rebuild's per-claim subqueries by sequential scans (100k claims ran for 20+ minutes).
    await client.query("ANALYZE");
    const copied = performance.now();
    await client.query("SELECT claim_search_rebuild()");
    const indexed = performance.now();
    await client.query("VACUUM ANALYZE");
    return { copySeconds: (copied - started) / 1000, indexSeconds: (indexed - copied) / 1000 };
  } finally {
    await client.end();
  }
}
