import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDocumentSummaries } from "@/lib/db/documents";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
});
afterAll(async () => {
  await t.close();
});

/** The counts worked out claim by claim in JavaScript: what the grouped SQL must agree with. */
async function countedOneByOne() {
  const claims = await t.db.claim.findMany({
    where: { deletedAt: null },
    select: {
      document: { select: { slug: true } },
      suggestedTags: { select: { tag: { select: { slug: true } } } },
      tags: { select: { tag: { select: { slug: true } } } },
    },
  });
  const out: Record<string, { claimCount: number; tagCounts: Record<string, number> }> = {};
  for (const claim of claims) {
    out[claim.document.slug] ??= { claimCount: 0, tagCounts: {} };
    const doc = out[claim.document.slug];
    doc.claimCount++;
    for (const slug of new Set([...claim.suggestedTags, ...claim.tags].map((x) => x.tag.slug)))
      doc.tagCounts[slug] = (doc.tagCounts[slug] ?? 0) + 1;
  }
  return out;
}

describe("document summaries", () => {
  it("count live claims and claims per tag (curated or reviewers', once each), as claim-by-claim counting does", async () => {
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
    const expected = await countedOneByOne();
    for (const s of summaries)
      expect({ claimCount: s.claimCount, tagCounts: s.tagCounts }, s.slug).toEqual(expected[s.slug]);
    expect(summaries.reduce((n, s) => n + s.claimCount, 0)).toBe(claims.length - 1);
  });
});
