import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claims } from "../helpers/run-cli";
import { createExportFixture, createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createExportFixture();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-cli-export-"));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const withoutExportTime = (json: string) => json.replace(/"exportedAt": "[^"]+"/, "");

describe("claims export / import", () => {
  it("refuses bad flags with exit code 2 and a message naming the flag", async () => {
    const badFormat = await claims(t.url, "export", "--format", "xlsx", "--out", path.join(dir, "x"));
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("--format: Format must be one of: md, html, pdf, csv, csv-notes, json, jsonld.");
    const noOut = await claims(t.url, "export", "--format", "md");
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("--out");
    const badDoc = await claims(
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
    const badQuery = await claims(
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
    const blankQuery = await claims(
      t.url,
      "export",
      "--format",
      "md",
      "--query",
      "  ",
      "--out",
      path.join(dir, "x.md"),
    );
    expect(blankQuery.code).toBe(2);
    expect(blankQuery.stderr).toContain("--query: Query must not be empty");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("exports one document by file name or slug, and the claims CSV with its notes CSV", async () => {
    const md = path.join(dir, "doc.md");
    const byFile = await claims(
      t.url,
      "export",
      "--format",
      "md",
      "--document",
      "000_6d95c5a6cc5760dd.txt",
      "--out",
      md,
    );
    expect(byFile.code).toBe(0);
    const slug = (await t.db.document.findUniqueOrThrow({ where: { fileName: "000_6d95c5a6cc5760dd.txt" } })).slug;
    const bySlug = await claims(t.url, "export", "--format", "md", "--document", slug, "--out", "-");
    expect(bySlug.code).toBe(0);
    expect(bySlug.stdout.replace(/Exported [^·]+/, "")).toBe(fs.readFileSync(md, "utf8").replace(/Exported [^·]+/, ""));
    const csv = path.join(dir, "claims.csv");
    expect((await claims(t.url, "export", "--format", "csv", "--out", csv)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "claims-notes.csv"), "utf8")).toContain("note_id");
    // No temporary files left behind.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("exports the claims a search finds (--query), within a document when --document is given too", async () => {
    const out = path.join(dir, "search.json");
    const result = await claims(
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
    expect((await claims(t.url, "export", "--format", "json", "--out", out)).code).toBe(0);
    const empty = await createTestDatabase();
    try {
      const imported = await claims(empty.url, "import", out);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain("5 document(s) created");
      const again = await claims(empty.url, "export", "--format", "json", "--out", "-");
      expect(withoutExportTime(again.stdout)).toBe(withoutExportTime(fs.readFileSync(out, "utf8")));
    } finally {
      await empty.close();
    }
  });

  it("fails with exit code 1 on an unreadable or malformed file and changes nothing", async () => {
    const empty = await createTestDatabase();
    try {
      const missing = await claims(empty.url, "import", path.join(dir, "missing.json"));
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("cannot read");
      const bad = path.join(dir, "bad.json");
      fs.writeFileSync(bad, '{"format":"claimbook-export","version":1,"documents":"oops"}');
      const malformed = await claims(empty.url, "import", bad);
      expect(malformed.code).toBe(1);
      expect(malformed.stderr).toContain("nothing was changed");
      expect(malformed.stderr).toContain("documents:");
      expect(await empty.db.auditEvent.count()).toBe(0);
      expect(await empty.db.document.count()).toBe(0);
      expect((await claims(empty.url, "import")).code).toBe(2);
    } finally {
      await empty.close();
    }
  });
});
