import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExportFormat } from "@/lib/export/formats";
import { createExportFixture } from "../helpers/export-fixture";
import type { TestDatabase } from "../helpers/test-database";
import { exportBuffer } from "./export-helpers";

/**
 * Golden files: each format of the whole corpus (the five documents with the fixture's
 * reviewers, tags and notes, and a fixed clock) must match its file byte for byte. The
 * PDF is compared through its extracted text. Regenerate after an intended change with
 * UPDATE_GOLDEN=1 npx vitest run tests/unit/export/golden.test.ts, and review the diff.
 */
const GOLDEN = path.join("tests", "unit", "export", "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const FILES: [ExportFormat, string][] = [
  ["md", "corpus.md"],
  ["html", "corpus.html"],
  ["csv", "corpus.csv"],
  ["csv-notes", "corpus-notes.csv"],
  ["json", "corpus.json"],
  ["jsonld", "corpus.jsonld"],
];

function matchGolden(name: string, actual: string) {
  const file = path.join(GOLDEN, name);
  if (UPDATE || !fs.existsSync(file)) {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
    if (!UPDATE) throw new Error(`${file} did not exist: written now; review it and run again`);
  }
  expect(
    actual === fs.readFileSync(file, "utf8"),
    `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`,
  ).toBe(true);
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createExportFixture();
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe("golden exports of the five documents", () => {
  for (const [format, name] of FILES) {
    it(`${format} matches ${name}`, async () => {
      matchGolden(name, (await exportBuffer(t.db, format)).toString("utf8"));
    });
  }

  it("pdf's text matches corpus.pdf.txt", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-golden-"));
    const pdf = path.join(dir, "corpus.pdf");
    fs.writeFileSync(pdf, await exportBuffer(t.db, "pdf"));
    matchGolden("corpus.pdf.txt", execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exports the same bytes twice (stable order)", async () => {
    for (const format of ["md", "csv", "json", "jsonld"] as const) {
      expect((await exportBuffer(t.db, format)).equals(await exportBuffer(t.db, format))).toBe(true);
    }
  });

  it("a one-document export holds only that document", async () => {
    const md = (await exportBuffer(t.db, "md", { kind: "document", document: "002_aee067932d5add68.txt" })).toString(
      "utf8",
    );
    const claims = await t.db.claim.count({
      where: { document: { fileName: "002_aee067932d5add68.txt" }, deletedAt: null },
    });
    expect(md.match(/^### Claim /gm)).toHaveLength(claims);
    expect(md.match(/^## \d+\. /gm)).toHaveLength(1);
  });
});
