import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExportFixture, type TestDatabase } from "../helpers/test-database";
import { exportBuffer } from "./export-helpers";
import { EXPORT_GOLDEN, GOLDEN_DIR, PDF_GOLDEN, pdfText, readGolden } from "./golden-files";

/**
 * Golden files: each format of the whole corpus (the five documents with the fixture's
 * reviewers, tags and notes, and a fixed clock) must match its file byte for byte. The
 * PDF is compared through its extracted text. This test only reads them: after an
 * intended change, `npm run test:update-golden` rewrites them; review the diff.
 */
function matchGolden(name: string, actual: string) {
  const expected = readGolden(path.join(GOLDEN_DIR, name));
  expect(actual === expected, `${name} differs from its golden file (npm run test:update-golden to accept)`).toBe(true);
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createExportFixture();
});
afterAll(async () => {
  await t.close();
});

describe("golden exports of the five documents", () => {
  for (const [format, name] of EXPORT_GOLDEN) {
    it(`${format} matches ${name}`, async () => {
      matchGolden(name, (await exportBuffer(t.db, format)).toString("utf8"));
    });
  }

  it(`pdf's text matches ${PDF_GOLDEN}`, async () => {
    matchGolden(PDF_GOLDEN, await pdfText(t.db));
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
