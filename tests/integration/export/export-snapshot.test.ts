import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExportReader, openExportReader } from "@/lib/db/export-reader";
import { createExportFixture, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createExportFixture();
});
afterAll(async () => {
  await t.close();
});

async function liveClaimIds(reader: ExportReader, documentId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const claim of reader.claims(documentId)) ids.push(claim.id);
  return ids;
}

describe("the export's claim read", () => {
  it("is one snapshot: a write committed while it is open is not seen until the next export", async () => {
    const doc = await t.db.document.findFirstOrThrow({ orderBy: { fileName: "asc" } });
    const reader = await openExportReader(t.db);
    let before: string[];
    try {
      before = await liveClaimIds(reader, doc.id);
      expect(before.length).toBeGreaterThan(3);
      await t.db.claim.update({ where: { id: before[0] }, data: { deletedAt: new Date() } });
      expect(await liveClaimIds(reader, doc.id)).toEqual(before);
      const tags = [];
      for await (const row of reader.claimTags(doc.id)) tags.push(row.id);
      expect(tags).toEqual(before);
    } finally {
      await reader.close();
    }
    const next = await openExportReader(t.db);
    try {
      expect(await liveClaimIds(next, doc.id)).toEqual(before.slice(1));
    } finally {
      await next.close();
    }
  });
});
