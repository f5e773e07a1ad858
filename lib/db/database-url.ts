// No `import "server-only"`: prisma.config.ts loads this module in Prisma's CLI, outside any bundler.
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";

/** Default SQLite file, relative to the project root (the directory npm scripts run in). */
export const DEFAULT_DATABASE_URL = "file:./prisma/data/claimbook.db";

/** The two engines, chosen by the URL's scheme: `file:` is SQLite, `postgres(ql)://` is PostgreSQL. */
export type DatabaseEngine = "sqlite" | "postgres";

/** Which engine a database URL names; anything else is refused with the accepted forms. */
export function engineOf(url: string): DatabaseEngine {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(`DATABASE_URL must be a SQLite file URL (file:…) or a PostgreSQL URL (postgresql://…), got "${url}"`);
}

/**
 * The database URL from DATABASE_URL (or the default SQLite file). For SQLite the file's
 * directory is created, so a fresh clone works without any setup.
 */
export function databaseUrl(source: Record<string, string | undefined> = process.env): string {
  const url = env(source).DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (engineOf(url) === "sqlite") {
    const file = url.slice("file:".length);
    if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  return url;
}

/** The SQLite URL, for code that only SQLite has (Prisma's migrate, the file backup). */
export function sqliteDatabaseUrl(): string {
  const url = databaseUrl();
  if (engineOf(url) !== "sqlite")
    throw new Error(`This needs a SQLite database (file:…); DATABASE_URL names PostgreSQL.`);
  return url;
}
