import "server-only";
import { redactClaim } from "../review/independent-review";
import { appendAudit } from "./audit";
import type { ClaimForReading } from "./claim-reads";
import type { Db } from "./client";
import { ConflictError, NotFoundError } from "./errors";

interface Viewer {
  id: string;
  role: string;
}

/**
 * The documents whose other reviewers' judgements this user may not see yet: assigned to
 * them, not marked done, with the document's independent-review setting on (the default). Curators and admins always see everything (they assign and
 * adjudicate); viewers have no assignments.
 */
export async function documentsUnderIndependentReview(db: Db, viewer: Viewer): Promise<Set<string>> {
  if (viewer.role !== "reviewer") return new Set();
  const open = await db.assignment.findMany({
    where: { reviewerId: viewer.id, doneAt: null, document: { independentReview: true } },
    select: { documentId: true },
  });
  return new Set(open.map((a) => a.documentId));
}

/** Slugs of those documents, for the search and export filters. */
export async function slugsUnderIndependentReview(db: Db, viewer: Viewer): Promise<string[]> {
  const ids = await documentsUnderIndependentReview(db, viewer);
  if (ids.size === 0) return [];
  const docs = await db.document.findMany({ where: { id: { in: [...ids] } }, select: { slug: true } });
  return docs.map((d) => d.slug).sort();
}

/** A document's claims as this viewer may see them. */
export async function claimsForViewer(
  db: Db,
  viewer: Viewer,
  documentId: string,
  claims: ClaimForReading[],
): Promise<ClaimForReading[]> {
  const hidden = await documentsUnderIndependentReview(db, viewer);
  return hidden.has(documentId) ? claims.map((c) => redactClaim(c, viewer.id)) : claims;
}

/** One claim (a write's result) as this viewer may see it. */
export async function claimForViewer(db: Db, viewer: Viewer, claim: ClaimForReading): Promise<ClaimForReading> {
  if (viewer.role !== "reviewer") return claim;
  const row = await db.claim.findUnique({ where: { id: claim.id }, select: { documentId: true } });
  return row ? (await claimsForViewer(db, viewer, row.documentId, [claim]))[0] : claim;
}

/**
 * Runs a claim write for this viewer and redacts what comes back: the claim it returns, and
 * the newer claim a version conflict carries (it would otherwise show others' tags).
 */
export async function redactedWrite(
  db: Db,
  viewer: Viewer,
  write: () => Promise<ClaimForReading>,
): Promise<ClaimForReading> {
  try {
    return await claimForViewer(db, viewer, await write());
  } catch (error) {
    if (error instanceof ConflictError && error.current)
      throw new ConflictError(error.message, await claimForViewer(db, viewer, error.current as ClaimForReading));
    throw error;
  }
}

/** Turns a document's independent-review setting on or off (a curator's write, audited). */
export async function setIndependentReview(
  db: Db,
  curatorId: string,
  input: { documentId: string; on: boolean },
): Promise<{ on: boolean }> {
  return db.$transaction(async (tx) => {
    const doc = await tx.document.findUnique({ where: { id: input.documentId }, select: { independentReview: true } });
    if (!doc) throw new NotFoundError("This document no longer exists.", "documentId");
    if (doc.independentReview !== input.on) {
      await tx.document.update({ where: { id: input.documentId }, data: { independentReview: input.on } });
      await appendAudit(tx, {
        actorId: curatorId,
        action: "document.independent-review",
        entityType: "Document",
        entityId: input.documentId,
        documentId: input.documentId,
        before: { independentReview: doc.independentReview },
        after: { independentReview: input.on },
      });
    }
    return { on: input.on };
  });
}
