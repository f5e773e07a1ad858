import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLinkDetection } from "@/lib/db/claim-link-detection";
import { exportFileSchema } from "@/lib/validation/export-file";
import { createExportFixture, type TestDatabase } from "../helpers/test-database";
import { exportBuffer, exportText } from "./export-helpers";

/** The PDF's text, by poppler's pdftotext (installed by npm run test:unit's pre-step). */
function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-links-pdf-")), "report.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createExportFixture();
  await runLinkDetection(t.db, null);
});
afterAll(async () => {
  await t.close();
});

describe("exports carry claims across documents", () => {
  it("JSON: a links list the import schema accepts, each with its flags and claims", async () => {
    const file = JSON.parse(await exportText(t.db, "json"));
    expect(exportFileSchema.safeParse(file).success).toBe(true);
    const assault = file.links.find(
      (l: { relation: string; claims: { exact: string }[] }) =>
        l.relation === "same-figure" && l.claims.some((c) => c.exact === "920 for convicted for assault"),
    );
    expect(assault.flags.map((f: { kind: string }) => f.kind)).toContain("period");
    expect(assault.claims.map((c: { document: string }) => c.document.slice(0, 3))).toEqual(["002", "003"]);
  });

  it("Markdown and HTML reports end with a Claims across documents section", async () => {
    const md = await exportText(t.db, "md");
    expect(md).toContain("## Claims across documents");
    expect(md).toMatch(/### Link \d+ · same figure · suggested/);
    expect(md).toContain("Flag (period):");
    const html = await exportText(t.db, "html");
    expect(html).toContain('<h2 id="links">Claims across documents</h2>');
  });

  it("the PDF report has a Claims across documents page", async () => {
    const pdf = await exportBuffer(t.db, "pdf");
    const text = pdfText(pdf);
    expect(text).toContain("Claims across documents");
    expect(text).toMatch(/Flag \(period\)/);
  });

  it("a document's export keeps only links with two claims in it: none", async () => {
    const file = JSON.parse(await exportText(t.db, "json", { kind: "document", document: "002_aee067932d5add68.txt" }));
    expect(file.links).toBeUndefined();
  });
});
