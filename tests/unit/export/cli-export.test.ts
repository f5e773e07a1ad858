import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExportFixture } from "../helpers/export-fixture";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createExportFixture();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-cli-export-"));
}, 120_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `npm run claims -- …` without npm's start-up cost: node with tsx's loader. */
function claims(url: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/cli/main.ts", ...args],
    {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const withoutExportTime = (json: string) => json.replace(/"exportedAt": "[^"]+"/, "");

// Each test starts the CLI several times: on a loaded 2-core machine that takes a while.
describe("claims export / import", { timeout: 120_000 }, () => {
  it("refuses bad flags with exit code 2 and a message naming the flag", () => {
    const badFormat = claims(t.url, "export", "--format", "xlsx", "--out", path.join(dir, "x"));
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("--format: Format must be one of: md, html, pdf, csv, csv-notes, json, jsonld.");
    const noOut = claims(t.url, "export", "--format", "md");
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("--out");
    const badDoc = claims(
      t.url,
      "export",
      "--format",
      "md",
      "--document",
      "no-such-doc",
      "--out",
      path.join(dir, "x.md"),
    );
    expect(badDoc.code).toBe(2);
    expect(badDoc.stderr).toContain('--document: No document "no-such-doc"');
    const badQuery = claims(
      t.url,
      "export",
      "--format",
      "md",
      "--query",
      "status:maybe",
      "--out",
      path.join(dir, "x.md"),
    );
    expect(badQuery.code).toBe(2);
    expect(badQuery.stderr).toContain("--query: ");
    const blankQuery = claims(t.url, "export", "--format", "md", "--query", "  ", "--out", path.join(dir, "x.md"));
    expect(blankQuery.code).toBe(2);
    expect(blankQuery.stderr).toContain("--query: Query must not be empty");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("exports one document by file name or slug, and the claims CSV with its notes CSV", async () => {
    const md = path.join(dir, "doc.md");
    const byFile = claims(t.url, "export", "--format", "md", "--document", "000_6d95c5a6cc5760dd.txt", "--out", md);
    expect(byFile.code).toBe(0);
    const slug = (await t.db.document.findUniqueOrThrow({ where: { fileName: "000_6d95c5a6cc5760dd.txt" } })).slug;
    const bySlug = claims(t.url, "export", "--format", "md", "--document", slug, "--out", "-");
    expect(bySlug.code).toBe(0);
    expect(bySlug.stdout.replace(/Exported [^·]+/, "")).toBe(fs.readFileSync(md, "utf8").replace(/Exported [^·]+/, ""));
    const csv = path.join(dir, "claims.csv");
    expect(claims(t.url, "export", "--format", "csv", "--out", csv).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "claims-notes.csv"), "utf8")).toContain("note_id");
    // No temporary files left behind.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("exports the claims a search finds (--query), within a document when --document is given too", async () => {
    const out = path.join(dir, "search.json");
    const result = claims(
      t.url,
      "export",
      "--format",
      "json",
      "--query",
      "has:note",
      "--document",
      "000_6d95c5a6cc5760dd.txt",
      "--out",
      out,
    );
    expect(result.code).toBe(0);
    const expected = await t.db.claim.findMany({
      where: {
        deletedAt: null,
        notes: { some: { deletedAt: null } },
        document: { fileName: "000_6d95c5a6cc5760dd.txt" },
      },
      select: { id: true },
    });
    const file = JSON.parse(fs.readFileSync(out, "utf8")) as {
      scope: unknown;
      documents: { claims: { id: string }[] }[];
    };
    expect(file.scope).toEqual({ kind: "query", q: "has:note", document: "000_6d95c5a6cc5760dd.txt" });
    expect(file.documents.flatMap((d) => d.claims.map((c) => c.id)).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(result.stderr).toContain(`(${expected.length} claims, search “has:note” in `);
    fs.rmSync(out);
  });

  it("round-trips through the command line into an empty database", async () => {
    const out = path.join(dir, "all.json");
    expect(claims(t.url, "export", "--format", "json", "--out", out).code).toBe(0);
    const empty = createTestDatabase();
    try {
      const imported = claims(empty.url, "import", out);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain("5 document(s) created");
      const again = claims(empty.url, "export", "--format", "json", "--out", "-");
      expect(withoutExportTime(again.stdout)).toBe(withoutExportTime(fs.readFileSync(out, "utf8")));
    } finally {
      await empty.close();
    }
  });

  it("fails with exit code 1 on an unreadable or malformed file and changes nothing", async () => {
    const empty = createTestDatabase();
    try {
      const missing = claims(empty.url, "import", path.join(dir, "missing.json"));
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("cannot read");
      const bad = path.join(dir, "bad.json");
      fs.writeFileSync(bad, '{"format":"claimbook-export","version":1,"documents":"oops"}');
      const malformed = claims(empty.url, "import", bad);
      expect(malformed.code).toBe(1);
      expect(malformed.stderr).toContain("nothing was changed");
      expect(malformed.stderr).toContain("documents:");
      expect(await empty.db.auditEvent.count()).toBe(0);
      expect(await empty.db.document.count()).toBe(0);
      expect(claims(empty.url, "import").code).toBe(2);
    } finally {
      await empty.close();
    }
  });
});
