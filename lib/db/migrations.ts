import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const MIGRATIONS_DIR = path.join("prisma", "migrations");

/** The migrations this code ships, by name, with Prisma's checksum (sha256 of migration.sql). */
export function listKnownMigrations(dir = MIGRATIONS_DIR): Map<string, string> {
  const known = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort()) {
    const sql = path.join(dir, name, "migration.sql");
    if (fs.existsSync(sql)) known.set(name, createHash("sha256").update(fs.readFileSync(sql)).digest("hex"));
  }
  return known;
}
