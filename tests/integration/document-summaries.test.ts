import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDocumentSummaries } from "@/lib/db/documents";
import { resolveScope } from "@/lib/export/scope";
import { openExportSource, summarize } from "@/lib/export/source";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
});
afterAll(async () => {
  await t.close();
});

/** The counts of the whole-corpus export's summary table: what the list must agree with. */
async function countedByTheExport() {
  const source = await openExportSource(t.db, await resolveScope(t.db, { kind: "corpus" }));
  const out: Record<string, { claimCount: number; tagCounts: Record<string, number> }> = {};
  for (const row of await summarize(source)) out[row.document.slug] = { claimCount: row.claims, tagCounts: row.byTag };
  return out;
}

describe("document summaries", () => {
  it("count live claims and claims per final tag, as the exports' summary does", async () => {
    const reviewer = await t.db.user.create({
      data: { email: "r@example.test", name: "R", passwordHash: "x", role: "reviewer" },
    });
    const other = await t.db.user.create({
      data: { email: "s@example.test", name: "S", passwordHash: "x", role: "reviewer" },
    });
    const tags = await t.db.tag.findMany();
    const claims = await t.db.claim.findMany({ orderBy: { id: "asc" }, include: { suggestedTags: true } });
    // The same tag as the curated one (counts once), another tag, two reviewers agreeing, and a deleted claim.
    for (const [i, claim] of claims.slice(0, 30).entries()) {
      const tag = i % 2 === 0 && claim.suggestedTags[0] ? claim.suggestedTags[0].tagId : tags[i % tags.length].id;
      await t.db.claimTag.create({ data: { claimId: claim.id, tagId: tag, reviewerId: reviewer.id } });
      if (i % 3 === 0) await t.db.claimTag.create({ data: { claimId: claim.id, tagId: tag, reviewerId: other.id } });
    }
    await t.db.claim.update({ where: { id: claims[1].id }, data: { deletedAt: new Date() } });

    const summaries = await listDocumentSummaries(t.db);
    expect(summaries.map((s) => s.fileName)).toEqual([...summaries.map((s) => s.fileName)].sort());
    expect(summaries).toHaveLength(5);
    const expected = await countedByTheExport();
    for (const s of summaries)
      expect({ claimCount: s.claimCount, tagCounts: s.tagCounts }, s.slug).toEqual(expected[s.slug]);
    expect(summaries.reduce((n, s) => n + s.claimCount, 0)).toBe(claims.length - 1);
  });

  it("count a claim a reviewer retagged under the reviewer's tag only, not the suggestion too", async () => {
    const claim = await t.db.claim.findFirstOrThrow({
      where: { deletedAt: null, tags: { none: {} }, suggestedTags: { some: {} } },
      include: { suggestedTags: { include: { tag: true } }, document: true },
    });
    const suggested = claim.suggestedTags[0].tag;
    const other = await t.db.tag.findFirstOrThrow({ where: { id: { not: suggested.id } } });
    const reviewer = await t.db.user.create({
      data: { email: "q@example.test", name: "Q", passwordHash: "x", role: "reviewer" },
    });
    const before = (await listDocumentSummaries(t.db)).find((s) => s.slug === claim.document.slug)!.tagCounts;
    await t.db.claimTag.create({ data: { claimId: claim.id, tagId: other.id, reviewerId: reviewer.id } });
    const after = (await listDocumentSummaries(t.db)).find((s) => s.slug === claim.document.slug)!.tagCounts;
    expect(after[suggested.slug] ?? 0).toBe((before[suggested.slug] ?? 0) - 1);
    expect(after[other.slug] ?? 0).toBe((before[other.slug] ?? 0) + 1);
  });
});
