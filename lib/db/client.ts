import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./database-url";

export type Db = PrismaClient;

/** A Prisma client on the SQLite file, with a busy timeout so concurrent writers wait. */
export function createDb(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
}

const cache = globalThis as unknown as { claimbookDb?: PrismaClient };

/** The app's client, cached on globalThis so dev-mode reloads do not open new connections. */
export const db: PrismaClient = cache.claimbookDb ?? createDb();
if (process.env.NODE_ENV !== "production") cache.claimbookDb = db;
