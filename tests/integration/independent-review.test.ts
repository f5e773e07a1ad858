import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignDocument, markAssignmentDone } from "@/lib/db/assignments";
import { setClaimStatus, setReviewerTag } from "@/lib/db/claim-writes";
import { getDocumentForReading } from "@/lib/db/documents";
import { ConflictError } from "@/lib/db/errors";
import {
  claimsForViewer,
  redactedWrite,
  setIndependentReview,
  slugsUnderIndependentReview,
} from "@/lib/db/independent-review";
import { findMatchingClaims } from "@/lib/db/search";
import { scopeForViewer, UnderIndependentReviewError } from "@/lib/export/viewer-scope";
import { excludeDocuments } from "@/lib/review/independent-review";
import { loadAgreement } from "@/lib/review/load-agreement";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let doc: { id: string; slug: string };
let c: { id: string; version: number }[];
const ann = { id: "ann", role: "reviewer" };
const cat = { id: "cat", role: "curator" };

beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
  for (const [id, role] of [
    ["ann", "reviewer"],
    ["bob", "reviewer"],
    ["cat", "curator"],
  ])
    await t.db.user.create({ data: { id, email: `${id}@example.test`, name: id, passwordHash: "x", role } });
  doc = await t.db.document.findFirstOrThrow({ orderBy: { fileName: "asc" } });
  c = await t.db.claim.findMany({ where: { documentId: doc.id }, orderBy: { start: "asc" }, take: 3 });
  await assignDocument(t.db, "cat", { documentId: doc.id, reviewerId: "ann" });
  await assignDocument(t.db, "cat", { documentId: doc.id, reviewerId: "bob" });
  // Bob tags all three claims; Ann only the second.
  for (const claim of c) await setReviewerTag(t.db, "bob", { claimId: claim.id, tag: "opinion", on: true });
  await setReviewerTag(t.db, "ann", { claimId: c[1].id, tag: "statistic", on: true });
});
afterAll(async () => {
  await t.close();
});

const reading = async (viewer: { id: string; role: string }) => {
  const d = (await getDocumentForReading(t.db, doc.slug))!;
  const claims = await claimsForViewer(t.db, viewer, d.id, d.claims);
  return (id: string) => claims.find((x) => x.id === id)!.reviewerTags.map((r) => `${r.reviewerId}:${r.tag}`);
};

describe("independent review", () => {
  it("does not send other reviewers' tags on a claim the reviewer has not tagged yet", async () => {
    const tagsOf = await reading(ann);
    expect(tagsOf(c[0].id)).toEqual([]);
    expect(tagsOf(c[1].id).sort()).toEqual(["ann:statistic", "bob:opinion"]);
    // Curators see everything.
    expect((await reading(cat))(c[0].id)).toEqual(["bob:opinion"]);
  });

  it("redacts what a write returns, and the newer claim a conflict carries", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: c[0].id } });
    const after = await redactedWrite(t.db, ann, () =>
      setClaimStatus(t.db, "ann", { claimId: claim.id, version: claim.version, status: "disputed" }),
    );
    expect(after.reviewerTags).toEqual([]);
    const conflict = await redactedWrite(t.db, ann, () =>
      setClaimStatus(t.db, "ann", { claimId: claim.id, version: claim.version, status: "accepted" }),
    ).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError<{ reviewerTags: unknown[] }>).current.reviewerTags).toEqual([]);
    // Once Ann tags the claim, she sees Bob's tag too.
    const tagged = await redactedWrite(t.db, ann, () =>
      setReviewerTag(t.db, "ann", { claimId: claim.id, tag: "opinion", on: true }),
    );
    expect(tagged.reviewerTags.map((r) => r.reviewerId).sort()).toEqual(["ann", "bob"]);
    await setReviewerTag(t.db, "ann", { claimId: claim.id, tag: "opinion", on: false });
  });

  it("keeps the document out of the reviewer's searches, exports and agreement page", async () => {
    const slugs = await slugsUnderIndependentReview(t.db, ann);
    expect(slugs).toEqual([doc.slug]);
    const found = await findMatchingClaims(t.db, excludeDocuments("reviewer:bob@example.test", slugs));
    expect(found).toEqual([]);
    expect(await findMatchingClaims(t.db, "reviewer:bob@example.test")).toHaveLength(3);
    await expect(scopeForViewer(t.db, ann, { kind: "document", document: doc.slug })).rejects.toBeInstanceOf(
      UnderIndependentReviewError,
    );
    const corpus = await scopeForViewer(t.db, ann, { kind: "corpus" });
    expect(corpus.documentIds).not.toContain(doc.id);
    expect(corpus.documentIds).toHaveLength((await t.db.document.count()) - 1);
    expect((await scopeForViewer(t.db, cat, { kind: "corpus" })).documentIds).toBeNull();
    const view = await loadAgreement(t.db, null, null, new Set([doc.id]));
    expect(view.report.judged).toBe(0);
    expect(view.perDocument.map((d) => d.document.id)).not.toContain(doc.id);
  });

  it("is a per-document setting a curator can turn off (audited)", async () => {
    await setIndependentReview(t.db, "cat", { documentId: doc.id, on: false });
    expect((await reading(ann))(c[0].id)).toEqual(["bob:opinion"]);
    await setIndependentReview(t.db, "cat", { documentId: doc.id, on: true });
    expect((await reading(ann))(c[0].id)).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { action: "document.independent-review" } })).toBe(2);
  });

  it("shows everything once the reviewer marks the document done", async () => {
    await markAssignmentDone(t.db, "ann", { documentId: doc.id, done: true });
    expect((await reading(ann))(c[0].id)).toEqual(["bob:opinion"]);
    expect(await slugsUnderIndependentReview(t.db, ann)).toEqual([]);
  });
});
