import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { exportText } from "../export/export-helpers";
import { claims } from "../helpers/run-cli";
import { buildSqliteTemplates } from "../helpers/template-databases";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The migration path from the embedded default to a team server (README, "Moving to
// PostgreSQL"): the JSON export of a SQLite installation, imported into an empty PostgreSQL
// one with the command line, exports back byte for byte (the exports' clock is fixed here).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-moving-"));
let sqlite: Db;
let postgres: TestDatabase;

beforeAll(async () => {
  const templates = await buildSqliteTemplates(dir);
  sqlite = createDb(`file:${templates["export-fixture"]}`);
  postgres = await createTestDatabase({ from: "migrated" });
}, 300_000);

afterAll(async () => {
  await sqlite?.$disconnect();
  await postgres?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("moving an installation from SQLite to PostgreSQL", () => {
  it("imports the SQLite JSON export with the CLI and exports the same JSON back", async () => {
    expect(postgres.url).toMatch(/^postgres(ql)?:\/\//);
    const fromSqlite = await exportText(sqlite, "json");
    const file = path.join(dir, "claims.json");
    fs.writeFileSync(file, fromSqlite);

    const imported = await claims(postgres.url, "import", file);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);

    const fromPostgres = await exportText(postgres.db, "json");
    expect(fromPostgres).toBe(fromSqlite);
    // Not an empty equality: the fixture's reviewers, tags and notes came across.
    const parsed = JSON.parse(fromPostgres) as { documents: { claims: unknown[] }[] };
    expect(parsed.documents).toHaveLength(5);
    expect(parsed.documents.flatMap((d) => d.claims).length).toBeGreaterThan(150);
  });

  it("keeps the CSV identical, and the JSON-LD but for its per-installation reviewer ids", async () => {
    expect(await exportText(postgres.db, "csv")).toBe(await exportText(sqlite, "csv"));
    // Reviewers are opaque ids derived from each installation's own secret (never a hash of the
    // address), so a new installation names them anew; everything else is the same.
    const masked = async (db: Db) => (await exportText(db, "jsonld")).replace(/urn:claimbook:reviewer:[0-9a-f]+/g, "R");
    const fromPostgres = await exportText(postgres.db, "jsonld");
    expect(fromPostgres).toMatch(/urn:claimbook:reviewer:[0-9a-f]+/);
    expect(await masked(postgres.db)).toBe(await masked(sqlite));
  });
});
