import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjudicateClaim } from "@/lib/db/adjudications";
import { type ClaimForReading, getClaimForReading } from "@/lib/db/claim-reads";
import { readDocumentClaims } from "@/lib/db/claim-set-read";
import { createExportFixture, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;

beforeAll(async () => {
  // Reviewers' tags, notes (one deleted), a deleted claim, a verdict with tags and one without.
  t = await createExportFixture();
  await t.db.user.create({
    data: { id: "user-cat", email: "cat@example.test", name: "Cat Curator", passwordHash: "x", role: "curator" },
  });
  const [agreed, majority, , , , sixth] = await t.db.claim.findMany({
    orderBy: { id: "asc" },
    select: { id: true, version: true },
  });
  for (const [claim, tags] of [
    [agreed, ["statistic", "legal-fact"]],
    [majority, []],
  ] as const)
    await adjudicateClaim(t.db, "user-cat", {
      claimId: claim.id,
      version: claim.version,
      tags: [...tags],
      status: "accepted",
      reason: "Checked.",
    });
  await t.db.claim.update({ where: { id: sixth.id }, data: { deletedAt: new Date() } });
});
afterAll(async () => {
  await t.close();
});

/** Tags in a fixed order: neither read promises one within a claim. */
const normalised = (c: ClaimForReading) => ({
  ...c,
  suggestedTags: [...c.suggestedTags].sort(),
  reviewerTags: [...c.reviewerTags].sort((a, b) => `${a.tag}${a.reviewerId}`.localeCompare(`${b.tag}${b.reviewerId}`)),
});

describe("a document's claim set, read in set-based statements", () => {
  it("is claim for claim what the per-claim Prisma read gives, in reading order", async () => {
    let compared = 0;
    for (const doc of await t.db.document.findMany({ select: { id: true, sha256: true } })) {
      const set = await readDocumentClaims(t.db, doc.id, doc.sha256);
      const ids = await t.db.claim.findMany({
        where: { documentId: doc.id, textHash: doc.sha256 },
        orderBy: [{ start: "asc" }, { end: "desc" }],
        select: { id: true },
      });
      expect(set.map((c) => c.id)).toEqual(ids.map((c) => c.id));
      for (const claim of set) {
        expect(normalised(claim)).toEqual(normalised((await getClaimForReading(t.db, claim.id))!));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("carries tags, note counts, verdicts and deletions", async () => {
    const all = (
      await Promise.all((await t.db.document.findMany()).map((doc) => readDocumentClaims(t.db, doc.id, doc.sha256)))
    ).flat();
    expect(all.some((c) => c.reviewerTags.length === 3)).toBe(true);
    expect(all.some((c) => c.noteCount >= 2)).toBe(true);
    expect(all.filter((c) => c.verdict).map((c) => c.verdict)).toEqual(
      expect.arrayContaining([
        { tags: ["legal-fact", "statistic"], reason: "Checked." },
        { tags: [], reason: "Checked." },
      ]),
    );
    expect(all.filter((c) => c.deleted)).toHaveLength(1);
    expect(all.every((c) => typeof c.version === "number" && /^\d{4}-\d\d-\d\dT/.test(c.createdAt))).toBe(true);
  });
});
