import "server-only";
import { describeSpan } from "../anchoring/describe-span";
import { enclosingParagraph, splitParagraphs } from "../anchoring/paragraphs";
import type { Span } from "../anchoring/types";
import type { ClaimKind, ClaimStatus } from "../validation/claim";
import { appendAudit } from "./audit";
import { type ClaimForReading, getClaimForReading } from "./claim-reads";
import type { Db } from "./client";
import { ConflictError, NotFoundError, WriteError } from "./errors";
import type { Prisma } from "./generated/client";

type Tx = Prisma.TransactionClient;

/** Selectors and paragraph for a span of a document, or a clear refusal. */
export function anchorNewSpan(text: string, span: Span) {
  if (span.end > text.length) throw new WriteError("The selection lies outside the document.", "end");
  const paragraph = enclosingParagraph(splitParagraphs(text), span);
  if (!paragraph) throw new WriteError("A claim cannot cross paragraphs: select text within one paragraph.", "start");
  if (text.slice(span.start, span.end).trim() === "")
    throw new WriteError("The selection is only whitespace.", "start");
  const { quote } = describeSpan(text, span);
  return {
    start: span.start,
    end: span.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    paragraphStart: paragraph.start,
    paragraphEnd: paragraph.end,
  };
}

async function refuseDuplicate(tx: Tx, documentId: string, span: Span, exceptId?: string) {
  const twin = await tx.claim.findFirst({
    where: {
      documentId,
      start: span.start,
      end: span.end,
      deletedAt: null,
      id: exceptId ? { not: exceptId } : undefined,
    },
    select: { id: true },
  });
  if (twin)
    throw new WriteError("A claim with exactly this passage already exists; select it in the list instead.", "start");
}

/**
 * Bumps the claim's version if it is still at `version`; otherwise refuses with the
 * newer state so the reviewer can look at it and re-apply. This compare-and-set is
 * what keeps two reviewers from silently overwriting each other.
 */
async function claimNextVersion(tx: Tx, claimId: string, version: number, data: Prisma.ClaimUpdateManyMutationInput) {
  const { count } = await tx.claim.updateMany({
    where: { id: claimId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 1) return;
  const current = await getClaimForReading(tx, claimId);
  if (!current) throw new NotFoundError("This claim no longer exists.");
  throw new ConflictError(
    "Someone else changed this claim since you opened it. Here is the newer version; re-apply your change if it still holds.",
    current,
  );
}

async function loadClaim(tx: Tx, claimId: string) {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    include: { document: { select: { text: true, sha256: true } } },
  });
  if (!claim) throw new NotFoundError("This claim no longer exists.");
  return claim;
}

function snapshot(c: { start: number; end: number; exact: string; status: string; deletedAt: Date | null }) {
  return { start: c.start, end: c.end, exact: c.exact, status: c.status, deleted: c.deletedAt !== null };
}

export async function createClaim(
  db: Db,
  actorId: string,
  input: { documentId: string } & Span,
): Promise<ClaimForReading> {
  return db.$transaction(async (tx) => getClaimForReading(tx, await createClaimIn(tx, actorId, input)).then((c) => c!));
}

/** Creates a claim inside the caller's transaction (with its audit event); returns its id. */
export async function createClaimIn(tx: Tx, actorId: string, input: { documentId: string } & Span): Promise<string> {
  const doc = await tx.document.findUnique({
    where: { id: input.documentId },
    select: { id: true, text: true, sha256: true },
  });
  if (!doc) throw new NotFoundError("This document no longer exists.");
  const anchored = anchorNewSpan(doc.text, input);
  await refuseDuplicate(tx, doc.id, input);
  const claim = await tx.claim.create({
    data: { ...anchored, documentId: doc.id, textHash: doc.sha256, createdById: actorId },
  });
  await appendAudit(tx, {
    actorId,
    action: "claim.create",
    entityType: "Claim",
    entityId: claim.id,
    documentId: doc.id,
    claimId: claim.id,
    after: snapshot(claim),
  });
  return claim.id;
}

export async function adjustClaimSpan(
  db: Db,
  actorId: string,
  input: { claimId: string; version: number } & Span,
): Promise<ClaimForReading> {
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, input.claimId);
    const anchored = anchorNewSpan(claim.document.text, input);
    await refuseDuplicate(tx, claim.documentId, input, claim.id);
    // A claim a new version left fuzzy or orphaned is settled by re-selecting its passage.
    const anchorState =
      claim.anchorState === "fuzzy" || claim.anchorState === "orphaned" ? "reselected" : claim.anchorState;
    await claimNextVersion(tx, claim.id, input.version, { ...anchored, textHash: claim.document.sha256, anchorState });
    await appendAudit(tx, {
      actorId,
      action: "claim.adjust-span",
      entityType: "Claim",
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before: snapshot(claim),
      after: { ...snapshot(claim), ...anchored },
    });
    return (await getClaimForReading(tx, claim.id))!;
  });
}

export async function setClaimStatus(
  db: Db,
  actorId: string,
  input: { claimId: string; version: number; status: ClaimStatus },
): Promise<ClaimForReading> {
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, input.claimId);
    await claimNextVersion(tx, claim.id, input.version, { status: input.status });
    await appendAudit(tx, {
      actorId,
      action: "claim.set-status",
      entityType: "Claim",
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before: { status: claim.status },
      after: { status: input.status },
    });
    return (await getClaimForReading(tx, claim.id))!;
  });
}

/** Sets the claim's statement (the claim in the reviewer's words) and kind (factual or argumentative). */
export async function describeClaim(
  db: Db,
  actorId: string,
  input: { claimId: string; version: number; statement: string | null; kind: ClaimKind | null },
): Promise<ClaimForReading> {
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, input.claimId);
    await claimNextVersion(tx, claim.id, input.version, { statement: input.statement, kind: input.kind });
    await appendAudit(tx, {
      actorId,
      action: "claim.describe",
      entityType: "Claim",
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before: { statement: claim.statement, kind: claim.kind },
      after: { statement: input.statement, kind: input.kind },
    });
    return (await getClaimForReading(tx, claim.id))!;
  });
}

/** Soft-deletes (deleted = true) or restores a claim; its tags and notes stay. */
export async function setClaimDeleted(
  db: Db,
  actorId: string,
  input: { claimId: string; version: number; deleted: boolean },
): Promise<ClaimForReading> {
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, input.claimId);
    if (!input.deleted) await refuseDuplicate(tx, claim.documentId, claim, claim.id);
    await claimNextVersion(tx, claim.id, input.version, { deletedAt: input.deleted ? new Date() : null });
    await appendAudit(tx, {
      actorId,
      action: input.deleted ? "claim.delete" : "claim.restore",
      entityType: "Claim",
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before: snapshot(claim),
      after: { ...snapshot(claim), deleted: input.deleted },
    });
    return (await getClaimForReading(tx, claim.id))!;
  });
}

/**
 * Adds or removes one of the reviewer's own tags. Tags are per reviewer, so nobody else
 * can change them and the write needs no version: setting a tag twice is harmless.
 */
export async function setReviewerTag(
  db: Db,
  reviewerId: string,
  input: { claimId: string; tag: string; on: boolean },
): Promise<ClaimForReading> {
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, input.claimId);
    if (claim.deletedAt) throw new WriteError("This claim is deleted; restore it before tagging.");
    const tag = await tx.tag.findUnique({ where: { slug: input.tag } });
    if (!tag) throw new WriteError(`There is no tag "${input.tag}".`, "tag");
    const key = { claimId_tagId_reviewerId: { claimId: claim.id, tagId: tag.id, reviewerId } };
    const existing = await tx.claimTag.findUnique({ where: key });
    if (input.on && !existing) await tx.claimTag.create({ data: { claimId: claim.id, tagId: tag.id, reviewerId } });
    if (!input.on && existing) await tx.claimTag.delete({ where: key });
    if (input.on !== Boolean(existing)) {
      await appendAudit(tx, {
        actorId: reviewerId,
        action: input.on ? "tag.add" : "tag.remove",
        entityType: "Claim",
        entityId: claim.id,
        documentId: claim.documentId,
        claimId: claim.id,
        after: { tag: tag.slug, reviewerId },
      });
    }
    return (await getClaimForReading(tx, claim.id))!;
  });
}

/** The parts of a claim an audit snapshot may hold, and that a restore puts back. */
interface ClaimSnapshot {
  start?: number;
  end?: number;
  status?: ClaimStatus;
  deleted?: boolean;
}

/**
 * Puts a claim back as it was before an audited change: its span, status and deleted
 * state from that event's "before" snapshot. A write like any other: checked against the
 * claim's current version and audited itself.
 */
export async function restoreClaimVersion(
  db: Db,
  actorId: string,
  input: { claimId: string; version: number; eventId: string },
): Promise<ClaimForReading> {
  return db.$transaction(async (tx) => {
    const event = await tx.auditEvent.findUnique({ where: { id: input.eventId } });
    if (!event || event.claimId !== input.claimId || !event.before)
      throw new WriteError("That history entry has no earlier version of this claim to restore.");
    const earlier = JSON.parse(event.before) as ClaimSnapshot;
    const claim = await loadClaim(tx, input.claimId);
    const data: Prisma.ClaimUpdateManyMutationInput = {};
    if (earlier.start !== undefined && earlier.end !== undefined) {
      // Offsets recorded against an earlier text of the document would land on other words now.
      const textSince = await tx.documentVersion.findFirst({
        where: { documentId: claim.documentId, createdAt: { gt: event.at } },
        select: { number: true },
      });
      if (textSince)
        throw new WriteError(
          "That history entry is from an earlier version of the document's text: re-select the passage instead.",
        );
      Object.assign(data, anchorNewSpan(claim.document.text, { start: earlier.start, end: earlier.end }), {
        textHash: claim.document.sha256,
      });
    }
    if (earlier.status) data.status = earlier.status;
    if (earlier.deleted !== undefined) data.deletedAt = earlier.deleted ? (claim.deletedAt ?? new Date()) : null;
    await claimNextVersion(tx, claim.id, input.version, data);
    await appendAudit(tx, {
      actorId,
      action: "claim.restore-version",
      entityType: "Claim",
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before: snapshot(claim),
      after: { ...earlier, restoredFrom: event.id },
    });
    return (await getClaimForReading(tx, claim.id))!;
  });
}
