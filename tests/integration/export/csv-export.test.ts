import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("CSV export", () => {
  it("writes one row per claim, RFC 4180 (CRLF, quoted fields) and UTF-8", async () => {
    const text = await exportText(t.db, "csv");
    expect(text.split("\r\n").length).toBeGreaterThan(100);
    expect(text.replace(/"[^"]*"/g, "").includes("\n") && /[^\r]\n/.test(text.replace(/"[^"]*"/g, ""))).toBe(false);
    const rows = parseCsv(text);
    const claims = await t.db.claim.findMany({ where: { deletedAt: null }, include: { document: true } });
    expect(rows).toHaveLength(claims.length);
    for (const row of rows) {
      const claim = claims.find((c) => c.id === row.claim_id)!;
      expect(row.exact.replace(/^'/, "")).toBe(claim.exact);
      expect(claim.document.text.slice(Number(row.start), Number(row.end))).toBe(claim.exact);
    }
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
      const row = parseCsv(await exportText(t.db, "csv")).find((r) => r.claim_id === claim.id)!;
      expect(row.statement).toBe("'-1+2 and +cmd|' /C calc'!A0");
    } finally {
      await t.db.claim.update({
        where: { id: claim.id },
        data: { statement: claim.statement, updatedAt: claim.updatedAt },
      });
    }
  });
});
