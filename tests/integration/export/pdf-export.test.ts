import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExportFixture, type TestDatabase } from "../helpers/test-database";
import { exportBuffer } from "./export-helpers";

// poppler-utils is installed by `npm run test:unit` (tests/unit/ensure-poppler.sh).
const normalise = (s: string) => s.replace(/\s+/g, " ").trim();

let t: TestDatabase;
let dir: string;
let pdf: string;
beforeAll(async () => {
  t = await createExportFixture();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-pdf-"));
  pdf = path.join(dir, "corpus.pdf");
  fs.writeFileSync(pdf, await exportBuffer(t.db, "pdf"));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("PDF export", () => {
  it("is a real PDF whose text holds every document title, every claim and every note", async () => {
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const text = normalise(execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }));
    const docs = await t.db.document.findMany({ include: { claims: { where: { deletedAt: null } } } });
    const missing: string[] = [];
    for (const doc of docs) {
      if (!text.includes(normalise(doc.title))) missing.push(`title ${doc.title}`);
      for (const claim of doc.claims)
        if (!text.includes(normalise(claim.exact))) missing.push(`claim ${claim.id}: ${claim.exact.slice(0, 40)}`);
    }
    expect(missing).toEqual([]);
    expect(text).toContain("Rui Reviewer · 2026-01-02 08:21 UTC (edited 2026-01-02 08:30 UTC) · reply");
    expect(text).toContain('=HYPERLINK("http://evil.example","click")');
    expect(text).toContain("and a line break");
  });

  it("renders every page with pdftoppm", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThan(5);
    execFileSync("pdftoppm", ["-png", "-r", "30", pdf, path.join(dir, "page")]);
    const images = fs.readdirSync(dir).filter((f) => f.endsWith(".png"));
    expect(images).toHaveLength(pages);
    for (const image of images) expect(fs.statSync(path.join(dir, image)).size).toBeGreaterThan(1000);
  });

  it("starts the first document on the summary's page, and links each claim to the app", async () => {
    const first = execFileSync("pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
    expect(first).toContain("Summary");
    expect(first).toContain("1. Dozens of Democratic lawmakers");
    expect(first).toContain("Claim 1 · statistic · accepted");
    // A copy for looking at: pdftoppm -f 1 -l 1 renders it to /tmp/claimbook-pdf-page1.png.
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      path.join(os.tmpdir(), "claimbook-pdf-page1"),
    ]);
    const raw = fs.readFileSync(pdf, "latin1");
    expect(raw).toContain(
      "/URI (https://claimbook.example/documents/000-dozens-of-democratic-lawmakers-earlier#claim-claim-000-c001)",
    );
  });

  it("carries the report's title and fixed dates in its metadata", () => {
    const info = execFileSync("pdfinfo", ["-isodates", pdf], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Claimbook report: whole corpus/);
    expect(info).toMatch(/CreationDate:\s+2026-01-15T09:30:00Z/);
  });
});
