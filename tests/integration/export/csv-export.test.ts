import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNumbers } from "@/lib/claims/numbering";
import { createClaim } from "@/lib/db/claim-writes";
import { BASE_URL } from "../helpers/export-fixture";
import { createExportFixture, type TestDatabase } from "../helpers/test-database";
import { exportText } from "./export-helpers";

let t: TestDatabase;
beforeAll(async () => {
  t = await createExportFixture();
});
afterAll(async () => {
  await t.close();
});

const parseCsv = (text: string) =>
  parse(text, { columns: true, relax_quotes: false, strict: true } as never) as Record<string, string>[];
/** The claim id a row's link points at (the CSV has no id column). */
const idOf = (row: Record<string, string>) => decodeURIComponent(row.link.split("#claim-")[1]);

describe("CSV export", () => {
  it("writes one row per claim, RFC 4180 (CRLF, quoted fields) and UTF-8", async () => {
    const text = await exportText(t.db, "csv");
    expect(text.split("\r\n").length).toBeGreaterThan(100);
    expect(text.replace(/"[^"]*"/g, "").includes("\n") && /[^\r]\n/.test(text.replace(/"[^"]*"/g, ""))).toBe(false);
    const rows = parseCsv(text);
    const claims = await t.db.claim.findMany({ where: { deletedAt: null }, include: { document: true } });
    expect(rows).toHaveLength(claims.length);
    for (const row of rows) {
      const claim = claims.find((c) => c.id === idOf(row))!;
      expect(row.exact.replace(/^'/, "")).toBe(claim.exact);
      expect(row.link).toBe(`${BASE_URL}/documents/${claim.document.slug}#claim-${claim.id}`);
      // The app's number: the annotator's, over every claim of the document (deleted ones too).
      const numbers = claimNumbers(await t.db.claim.findMany({ where: { documentId: claim.documentId } }));
      expect(Number(row.claim_number)).toBe(numbers.get(claim.id));
    }
    expect(Object.keys(rows[0])).not.toEqual(expect.arrayContaining(["claim_id"]));
    expect(Object.keys(rows[0])).not.toContain("document_sha256");
    expect(text).toContain("’"); // UTF-8, not mangled
  });

  it("neutralises cells that a spreadsheet would run as formulas, and quotes commas, quotes and line breaks", async () => {
    const notes = parseCsv(await exportText(t.db, "csv-notes"));
    expect(notes).toHaveLength(5);
    expect(notes.find((n) => n.note_id === "note-6")).toMatchObject({ parent_id: "" });
    const bodies = notes.map((n) => n.body);
    expect(bodies).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(bodies).toContain(`'@SUM(1+1) and a "quote", a comma\r\nand a line break 😀`);
    expect(bodies).toContain("Source checked against the **2024 DHS report**.\n\nSee table 3.");
    for (const row of notes) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(notes.find((n) => n.note_id === "note-2")).toMatchObject({ parent_id: "note-1", author: "Rui Reviewer" });
  });

  it("neutralises hostile claim text too", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { id: "claim-000-c010" } });
    await t.db.claim.update({ where: { id: claim.id }, data: { statement: "-1+2 and +cmd|' /C calc'!A0" } });
    try {
      const row = parseCsv(await exportText(t.db, "csv")).find((r) => idOf(r) === claim.id)!;
      expect(row.statement).toBe("'-1+2 and +cmd|' /C calc'!A0");
    } finally {
      await t.db.claim.update({
        where: { id: claim.id },
        data: { statement: claim.statement, updatedAt: claim.updatedAt },
      });
    }
  });
});

describe("CSV claim numbers", () => {
  it("give a claim made later the next number, wherever it sits, and leave the others as they were", async () => {
    const doc = await t.db.document.findFirstOrThrow({ orderBy: { fileName: "asc" } });
    const before = parseCsv(await exportText(t.db, "csv")).filter((r) => r.document_file === doc.fileName);
    const admin = await t.db.user.findFirstOrThrow({ where: { role: "admin" } });
    const made = await createClaim(t.db, admin.id, { documentId: doc.id, start: 0, end: 6 });
    try {
      const after = parseCsv(await exportText(t.db, "csv")).filter((r) => r.document_file === doc.fileName);
      // Listed in reading order (second: inside the first claim), numbered last.
      expect(after.findIndex((r) => idOf(r) === made.id)).toBe(1);
      // Every claim of the document holds a number, deleted ones too: the new one takes the last.
      expect(Number(after[1].claim_number)).toBe(await t.db.claim.count({ where: { documentId: doc.id } }));
      const numberOf = (rows: Record<string, string>[]) => new Map(rows.map((r) => [idOf(r), r.claim_number]));
      const old = numberOf(before);
      for (const [id, n] of numberOf(after)) if (id !== made.id) expect(n, id).toBe(old.get(id));
    } finally {
      await t.db.claim.delete({ where: { id: made.id } });
    }
  });
});

describe("CSV reviewers", () => {
  it("groups tags by reviewer account, so two people with one name stay two", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { start: "asc" } });
    const tag = await t.db.tag.findFirstOrThrow({ orderBy: { position: "asc" } });
    const twins = await Promise.all(
      ["twin.one@example.test", "twin.two@example.test"].map((email) =>
        t.db.user.create({ data: { email, name: "Sam Same", role: "reviewer", passwordHash: "x" } }),
      ),
    );
    for (const twin of twins)
      await t.db.claimTag.create({ data: { claimId: claim.id, tagId: tag.id, reviewerId: twin.id } });
    try {
      const row = parseCsv(await exportText(t.db, "csv")).find((r) => idOf(r) === claim.id)!;
      expect(row.reviewer_tags.split("; ").filter((entry) => entry.startsWith("Sam Same:"))).toHaveLength(2);
    } finally {
      await t.db.claimTag.deleteMany({ where: { reviewerId: { in: twins.map((tw) => tw.id) } } });
      await t.db.user.deleteMany({ where: { id: { in: twins.map((tw) => tw.id) } } });
    }
  });
});
