// No `import "server-only"`: prisma.config.ts loads this module in Prisma's CLI, outside any bundler.
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";

/** Default SQLite file, relative to the project root (the directory npm scripts run in). */
export const DEFAULT_DATABASE_URL = "file:./prisma/data/claimbook.db";

/**
 * The SQLite URL from DATABASE_URL (or the default), with its directory created so a
 * fresh clone works without any setup.
 */
export function databaseUrl(source: Record<string, string | undefined> = process.env): string {
  const url = env(source).DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file URL (file:…), got "${url}"`);
  }
  const file = url.slice("file:".length);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return url;
}
