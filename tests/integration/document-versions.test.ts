import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adjustClaimSpan, createClaim, restoreClaimVersion, setClaimStatus } from "@/lib/db/claim-writes";
import { listClaims } from "@/lib/db/claims";
import { importDocument } from "@/lib/db/document-imports";
import { addDocumentVersion, resolveAnchor } from "@/lib/db/document-versions";
import { getDocumentForReading } from "@/lib/db/documents";
import { ConflictError } from "@/lib/db/errors";
import { createUser, type UserSummary } from "@/lib/db/users";
import { parsePastedText } from "@/lib/documents/parse-document";
import { seedCorpus } from "@/lib/seed/seed-corpus";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let reviewer: UserSummary;
beforeEach(async () => {
  t = await createTestDatabase();
  await seedCorpus(t.db);
  reviewer = await createUser(
    t.db,
    { email: "r@example.test", name: "Rui", role: "reviewer", password: "long enough password" },
    null,
  );
});
afterEach(async () => {
  await t.close();
});

const V1 =
  "Versioned report\n\nThe county trained 12 deputies in 2019.\n\nThe program cost 3 million dollars last year.\n\nCritics call the program divisive.";
const V2 =
  "Versioned report\n\nAn editor's update: the program was renewed.\n\nThe county trained 12 deputies in 2019.\n\nThe program cost 4 million dollars last year.";

async function importWithClaims() {
  const doc = await importDocument(t.db, reviewer.id, parsePastedText(V1), {});
  const claim = (phrase: string) =>
    createClaim(t.db, reviewer.id, {
      documentId: doc.id,
      start: V1.indexOf(phrase),
      end: V1.indexOf(phrase) + phrase.length,
    });
  const moved = await claim("trained 12 deputies in 2019");
  const fuzzy = await claim("cost 3 million dollars");
  const orphan = await claim("call the program divisive");
  return { doc, moved, fuzzy, orphan };
}

describe("a new version of a document", () => {
  it("keeps the old text, re-anchors every claim with its state, and audits it in one event", async () => {
    const { doc, moved, fuzzy, orphan } = await importWithClaims();
    const r = await addDocumentVersion(t.db, reviewer.id, { slug: doc.slug }, parsePastedText(V2), "v2.txt");
    expect(r).toMatchObject({ number: 2, report: { unchanged: 0, moved: 1, fuzzy: 1, orphaned: 1 } });
    const versions = await t.db.documentVersion.findMany({ where: { documentId: doc.id }, orderBy: { number: "asc" } });
    expect(versions.map((v) => [v.number, v.text])).toEqual([
      [1, V1],
      [2, V2],
    ]);
    const rows = new Map((await t.db.claim.findMany({ where: { documentId: doc.id } })).map((c) => [c.id, c]));
    expect(rows.get(moved.id)).toMatchObject({
      anchorState: "moved",
      exact: "trained 12 deputies in 2019",
      start: V2.indexOf("trained 12"),
      version: 2,
    });
    expect(rows.get(fuzzy.id)).toMatchObject({ anchorState: "fuzzy", exact: "cost 4 million dollars" });
    // The orphan keeps its old selectors and the hash of the text they point into.
    const v1Hash = versions[0].sha256;
    expect(rows.get(orphan.id)).toMatchObject({
      anchorState: "orphaned",
      exact: "call the program divisive",
      textHash: v1Hash,
    });
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "document.new-version", documentId: doc.id },
    });
    expect(JSON.parse(event.after ?? "{}").claims).toHaveLength(3);

    const reading = await getDocumentForReading(t.db, doc.slug);
    expect(reading?.claims.map((c) => c.id).sort()).toEqual([moved.id, fuzzy.id].sort());
    expect(reading?.anchorQueue.map((q) => [q.id, q.state]).sort((x, y) => x[1].localeCompare(y[1]))).toEqual([
      [fuzzy.id, "fuzzy"],
      [orphan.id, "orphaned"],
    ]);
    expect(reading?.versionReport).toEqual({ unchanged: 0, moved: 1, fuzzy: 1, orphaned: 1 });
    const listed = new Map((await listClaims(t.db)).map((c) => [c.id, c.anchor]));
    expect([listed.get(moved.id), listed.get(fuzzy.id), listed.get(orphan.id)]).toEqual(["moved", "fuzzy", "orphaned"]);
  });

  it("refuses an edit made against the old text as stale", async () => {
    const { doc, moved } = await importWithClaims();
    await addDocumentVersion(t.db, reviewer.id, { slug: doc.slug }, parsePastedText(V2));
    const stale = await setClaimStatus(t.db, reviewer.id, { claimId: moved.id, version: 1, status: "accepted" }).catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(ConflictError);
  });

  it("lets a reviewer confirm a fuzzy claim, re-select or retire an orphan, each audited", async () => {
    const { doc, fuzzy, orphan } = await importWithClaims();
    await addDocumentVersion(t.db, reviewer.id, { slug: doc.slug }, parsePastedText(V2));
    await expect(
      resolveAnchor(t.db, reviewer.id, { claimId: orphan.id, version: 2, resolution: "confirm" }),
    ).rejects.toThrow(/no passage to confirm/);
    await resolveAnchor(t.db, reviewer.id, { claimId: fuzzy.id, version: 2, resolution: "confirm" });
    const phrase = "the program was renewed";
    await adjustClaimSpan(t.db, reviewer.id, {
      claimId: orphan.id,
      version: 2,
      start: V2.indexOf(phrase),
      end: V2.indexOf(phrase) + phrase.length,
    });
    const rows = await t.db.claim.findMany({ where: { id: { in: [fuzzy.id, orphan.id] } }, orderBy: { start: "asc" } });
    expect(rows.map((c) => [c.exact, c.anchorState])).toEqual([
      [phrase, "reselected"],
      ["cost 4 million dollars", "confirmed"],
    ]);
    expect((await getDocumentForReading(t.db, doc.slug))?.anchorQueue).toEqual([]);
    expect(
      await t.db.auditEvent.count({
        where: { action: "claim.confirm-anchor", claimId: fuzzy.id, actorId: reviewer.id },
      }),
    ).toBe(1);
  });

  it("retires an orphan, and never restores a span recorded against the old text", async () => {
    const { doc, moved, orphan } = await importWithClaims();
    const phrase = "12 deputies";
    await adjustClaimSpan(t.db, reviewer.id, {
      claimId: moved.id,
      version: 1,
      start: V1.indexOf(phrase),
      end: V1.indexOf(phrase) + phrase.length,
    });
    const adjust = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "claim.adjust-span", claimId: moved.id },
    });
    await addDocumentVersion(t.db, reviewer.id, { slug: doc.slug }, parsePastedText(V2));
    await resolveAnchor(t.db, reviewer.id, { claimId: orphan.id, version: 2, resolution: "retire" });
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({
      anchorState: "retired",
      deletedAt: expect.any(Date),
    });
    await expect(
      restoreClaimVersion(t.db, reviewer.id, { claimId: moved.id, version: 3, eventId: adjust.id }),
    ).rejects.toThrow(/earlier version of the document/);
  });

  it("refuses the current text again, and a text another document holds", async () => {
    const { doc } = await importWithClaims();
    await expect(addDocumentVersion(t.db, reviewer.id, { slug: doc.slug }, parsePastedText(V1))).rejects.toThrow(
      /already the current text/,
    );
    const shipped = await t.db.document.findFirstOrThrow({ where: { fileName: { startsWith: "001" } } });
    await expect(
      addDocumentVersion(
        t.db,
        reviewer.id,
        { slug: doc.slug },
        { ...parsePastedText("x"), text: shipped.text, sha256: shipped.sha256 },
      ),
    ).rejects.toThrow(`already stored as "${shipped.title}"`);
  });

  it("versions a shipped document, keeping its original text as version 1", async () => {
    const shipped = await t.db.document.findFirstOrThrow({ where: { fileName: { startsWith: "003" } } });
    const r = await addDocumentVersion(
      t.db,
      null,
      { fileName: shipped.fileName },
      parsePastedText(`Correction appended above.\n\n${shipped.text}`),
    );
    expect(r.report.orphaned).toBe(0);
    expect(r.report.moved).toBeGreaterThan(0);
    expect((await t.db.documentVersion.findFirstOrThrow({ where: { documentId: shipped.id, number: 1 } })).sha256).toBe(
      shipped.sha256,
    );
  });
});
