import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { type DatabaseEngine, databaseUrl, engineOf } from "./database-url";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";
import { BUSY_TIMEOUT_MS, DurableSqliteAdapter } from "./sqlite-adapter";

/**
 * The one client type the rest of the code sees. Both generated clients (prisma/schema.prisma
 * and its derived PostgreSQL twin) have the same models and the same API; TypeScript tells
 * them apart only by `$transaction`'s isolation levels, so the PostgreSQL one is cast once, here.
 */
export type Db = PrismaClient;

/**
 * A Prisma client on the database the URL names: the SQLite file (WAL mode, synchronous
 * commits, a busy timeout so concurrent writers wait) or a PostgreSQL server (node-postgres pool).
 */
export function createDb(url = databaseUrl()): Db {
  if (engineOf(url) === "postgres") {
    const db = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    postgresClients.add(db);
    urls.set(db, url);
    return db;
  }
  const db = new PrismaClient({
    adapter: new DurableSqliteAdapter(url),
    // A transaction may wait up to BUSY_TIMEOUT_MS for the write lock (lib/db/immediate-transactions.ts):
    // Prisma must not give up on it sooner, or it would abandon a transaction that then begins.
    transactionOptions: { maxWait: BUSY_TIMEOUT_MS + 2000 },
  });
  urls.set(db, url);
  return db;
}

// The URL each client was made for, so a reader that bypasses Prisma (the exports' streaming
// read, lib/db/export-reader.ts) can open its own connection on the same database.
const urls = new WeakMap<object, string>();

/** The database URL a client made by createDb connects to. */
export function urlOfDb(db: Db): string {
  const url = urls.get(db);
  if (!url) throw new Error("This database client was not made by createDb: its URL is unknown.");
  return url;
}

// Prisma's client classes do not survive instanceof (instances are proxies), so createDb
// remembers which clients it made for PostgreSQL.
const postgresClients = new WeakSet<object>();

/** The engine behind a client made by createDb, for code that has per-engine SQL. */
export function engineOfDb(db: Db): DatabaseEngine {
  return postgresClients.has(db) ? "postgres" : "sqlite";
}

const cache = globalThis as unknown as { claimbookDb?: Db };

/** The app's client, cached on globalThis so dev-mode reloads do not open new connections. */
export const db: Db = cache.claimbookDb ?? createDb();
if (process.env.NODE_ENV !== "production") cache.claimbookDb = db;
