import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  adjustClaimSpan,
  createClaim,
  describeClaim,
  restoreClaimVersion,
  setClaimDeleted,
  setClaimStatus,
  setReviewerTag,
} from "@/lib/db/claim-writes";
import { ConflictError, WriteError } from "@/lib/db/errors";
import { createUser, type UserSummary } from "@/lib/db/users";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let reviewer: UserSummary;
let doc: { id: string; text: string };

beforeEach(async () => {
  t = await createTestDatabase({ from: "seeded" });
  reviewer = await createUser(
    t.db,
    { email: "r@example.test", name: "Rui", role: "reviewer", password: "long enough password" },
    null,
  );
  doc = await t.db.document.findFirstOrThrow({
    where: { fileName: { startsWith: "002" } },
    select: { id: true, text: true },
  });
});
afterEach(async () => {
  await t.close();
});

const spanOf = (phrase: string) => ({ start: doc.text.indexOf(phrase), end: doc.text.indexOf(phrase) + phrase.length });

describe("claim writes", () => {
  it("creates a claim with selectors computed from the text, and its audit event", async () => {
    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    expect(claim).toMatchObject({ exact: "up to 48 hours", status: "proposed", version: 1 });
    const row = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.prefix).toBe(doc.text.slice(row.start - 32, row.start));
    expect(row.createdById).toBe(reviewer.id);
    expect(
      await t.db.auditEvent.count({ where: { action: "claim.create", claimId: claim.id, actorId: reviewer.id } }),
    ).toBe(1);
  });

  it.each([
    [
      "crosses paragraphs",
      () => ({ start: spanOf("take custody.").start, end: spanOf("Between 2017").end }),
      /cannot cross paragraphs/,
    ],
    [
      "is whitespace",
      () => ({ start: spanOf("custody.").end, end: spanOf("custody.").end + 2 }),
      /only whitespace|cross paragraphs/,
    ],
    ["lies outside the text", () => ({ start: 10, end: 99_999 }), /outside the document/],
    ["repeats an existing claim", () => spanOf("37 for homicide"), /already exists/],
  ])("refuses a span that %s, writing nothing", async (_name, span, message) => {
    const before = await t.db.claim.count();
    await expect(createClaim(t.db, reviewer.id, { documentId: doc.id, ...span() })).rejects.toThrow(message);
    expect(await t.db.claim.count()).toBe(before);
    expect(await t.db.auditEvent.count({ where: { action: "claim.create" } })).toBe(0);
  });

  it("refuses a stale version with the newer claim, and changes nothing", async () => {
    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    await setClaimStatus(t.db, reviewer.id, { claimId: claim.id, version: 1, status: "accepted" });
    const stale = await setClaimStatus(t.db, reviewer.id, { claimId: claim.id, version: 1, status: "rejected" }).catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError<{ status: string; version: number }>).current).toMatchObject({
      status: "accepted",
      version: 2,
    });
    const span = await adjustClaimSpan(t.db, reviewer.id, {
      claimId: claim.id,
      version: 1,
      ...spanOf("48 hours"),
    }).catch((e: unknown) => e);
    expect(span).toBeInstanceOf(ConflictError);
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "accepted",
      version: 2,
      exact: "up to 48 hours",
    });
    expect(await t.db.auditEvent.count({ where: { claimId: claim.id } })).toBe(2);
  });

  it("adjusts a span, re-deriving quote and context", async () => {
    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    const moved = await adjustClaimSpan(t.db, reviewer.id, {
      claimId: claim.id,
      version: 1,
      ...spanOf("for up to 48 hours until"),
    });
    expect(moved).toMatchObject({ exact: "for up to 48 hours until", version: 2 });
  });

  it("writes a claim's statement and kind as a versioned, audited change; a stale version is refused", async () => {
    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    expect(claim).toMatchObject({ statement: null, kind: null });
    const described = await describeClaim(t.db, reviewer.id, {
      claimId: claim.id,
      version: 1,
      statement: "Agencies may hold someone for up to 48 hours.",
      kind: "factual",
    });
    expect(described).toMatchObject({
      statement: "Agencies may hold someone for up to 48 hours.",
      kind: "factual",
      version: 2,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { claimId: claim.id, action: "claim.describe" } });
    expect(JSON.parse(audit.before ?? "null")).toEqual({ statement: null, kind: null });
    await expect(
      describeClaim(t.db, reviewer.id, { claimId: claim.id, version: 1, statement: null, kind: null }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("soft-deletes and restores, keeping tags", async () => {
    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    await setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "statistic", on: true });
    const deleted = await setClaimDeleted(t.db, reviewer.id, { claimId: claim.id, version: 1, deleted: true });
    expect(deleted.deleted).toBe(true);
    await expect(
      setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "opinion", on: true }),
    ).rejects.toBeInstanceOf(WriteError);
    const restored = await setClaimDeleted(t.db, reviewer.id, { claimId: claim.id, version: 2, deleted: false });
    expect(restored).toMatchObject({ deleted: false, reviewerTags: [{ tag: "statistic", reviewerId: reviewer.id }] });
  });

  it("keeps each reviewer's tags apart; tagging twice is harmless; an unknown tag is refused", async () => {
    const other = await createUser(
      t.db,
      { email: "o@example.test", name: "Oda", role: "reviewer", password: "long enough password" },
      null,
    );
    const claim = await t.db.claim.findFirstOrThrow({ where: { documentId: doc.id } });
    await setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "opinion", on: true });
    await setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "opinion", on: true });
    const both = await setReviewerTag(t.db, other.id, { claimId: claim.id, tag: "legal-fact", on: true });
    expect(both.reviewerTags.map((r) => `${r.reviewerName}:${r.tag}`).sort()).toEqual([
      "Oda:legal-fact",
      "Rui:opinion",
    ]);
    await expect(setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "gossip", on: true })).rejects.toThrow(
      /no tag "gossip"/,
    );
    expect(await t.db.auditEvent.count({ where: { action: "tag.add" } })).toBe(2);
  });
});

describe("restoring an earlier version", () => {
  it("puts back span and status from an audit event, as a new audited, versioned write", async () => {
    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    await adjustClaimSpan(t.db, reviewer.id, { claimId: claim.id, version: 1, ...spanOf("48 hours") });
    await setClaimStatus(t.db, reviewer.id, { claimId: claim.id, version: 2, status: "rejected" });
    const spanEvent = await t.db.auditEvent.findFirstOrThrow({
      where: { claimId: claim.id, action: "claim.adjust-span" },
    });
    const restored = await restoreClaimVersion(t.db, reviewer.id, {
      claimId: claim.id,
      version: 3,
      eventId: spanEvent.id,
    });
    expect(restored).toMatchObject({ exact: "up to 48 hours", status: "proposed", version: 4 });
    await expect(
      restoreClaimVersion(t.db, reviewer.id, { claimId: claim.id, version: 3, eventId: spanEvent.id }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await t.db.auditEvent.count({ where: { claimId: claim.id, action: "claim.restore-version" } })).toBe(1);
  });
});
