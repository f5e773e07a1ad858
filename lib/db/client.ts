import "server-only";
import { databaseUrl } from "./database-url";
import { PrismaClient } from "./generated/client";
import { BUSY_TIMEOUT_MS, DurableSqliteAdapter } from "./sqlite-adapter";

export type Db = PrismaClient;

/** A Prisma client on the SQLite file: WAL mode, synchronous commits, and a busy timeout so concurrent writers wait. */
export function createDb(url = databaseUrl()): PrismaClient {
  return new PrismaClient({
    adapter: new DurableSqliteAdapter(url),
    // A transaction may wait up to BUSY_TIMEOUT_MS for the write lock (lib/db/immediate-transactions.ts):
    // Prisma must not give up on it sooner, or it would abandon a transaction that then begins.
    transactionOptions: { maxWait: BUSY_TIMEOUT_MS + 2000 },
  });
}

const cache = globalThis as unknown as { claimbookDb?: PrismaClient };

/** The app's client, cached on globalThis so dev-mode reloads do not open new connections. */
export const db: PrismaClient = cache.claimbookDb ?? createDb();
if (process.env.NODE_ENV !== "production") cache.claimbookDb = db;
