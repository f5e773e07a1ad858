import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "@/lib/db/postgres/derive-schema";
import { unportedMigrations } from "@/lib/db/postgres/sync-schema";

// prisma/schema.prisma is the one source of the data model. When a branch adds a model or a
// SQLite migration, these fail until `npm run db:pg-schema` has ported it to PostgreSQL.
describe("the PostgreSQL schema follows prisma/schema.prisma", () => {
  it("is derived from it, unchanged since", () => {
    const derived = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
    const committed = fs.readFileSync(POSTGRES_SCHEMA, "utf8");
    expect(committed, "prisma/postgres/schema.prisma is stale: run `npm run db:pg-schema`").toBe(derived);
  });

  it("has a PostgreSQL twin of every SQLite migration", () => {
    expect(unportedMigrations(), "run `npm run db:pg-schema`, then port any hand-written SQL").toEqual([]);
  });

  it("changes only the datasource and the client's folder", () => {
    const derived = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output     = "../../lib/db/generated-pg"');
    expect(derived).not.toContain("sqlite");
    expect(() => derivePostgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow(/provider = "sqlite"/);
  });
});
