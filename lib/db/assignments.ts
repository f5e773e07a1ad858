import "server-only";
import { appendAudit } from "./audit";
import type { Db } from "./client";
import { ForbiddenError, NotFoundError, WriteError } from "./errors";

/** Roles that may tag claims (reviewer and above). */
const TAGGING_ROLES = ["reviewer", "curator", "admin"];

/**
 * Assigns a document to a reviewer (a curator's write, audited). Assigning twice is
 * harmless: the existing assignment stays as it is.
 */
export async function assignDocument(
  db: Db,
  curatorId: string,
  input: { documentId: string; reviewerId: string },
): Promise<{ created: boolean }> {
  return db.$transaction(async (tx) => {
    const document = await tx.document.findUnique({ where: { id: input.documentId }, select: { id: true } });
    if (!document) throw new NotFoundError("This document no longer exists.", "documentId");
    const reviewer = await tx.user.findUnique({ where: { id: input.reviewerId } });
    if (!reviewer?.active) throw new NotFoundError("No active account has this id.", "reviewerId");
    if (!TAGGING_ROLES.includes(reviewer.role))
      throw new WriteError(
        `${reviewer.name} is a viewer and cannot tag claims: give them reviewer access first.`,
        "reviewerId",
      );
    const key = { documentId_reviewerId: { documentId: document.id, reviewerId: reviewer.id } };
    if (await tx.assignment.findUnique({ where: key })) return { created: false };
    await tx.assignment.create({ data: { documentId: document.id, reviewerId: reviewer.id, assignedById: curatorId } });
    await appendAudit(tx, {
      actorId: curatorId,
      action: "assignment.create",
      entityType: "Assignment",
      entityId: `${document.id}/${reviewer.id}`,
      documentId: document.id,
      after: { reviewerId: reviewer.id },
    });
    return { created: true };
  });
}

/** Takes an assignment back (a curator's write, audited); the reviewer's tags stay. */
export async function unassignDocument(
  db: Db,
  curatorId: string,
  input: { documentId: string; reviewerId: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = { documentId_reviewerId: input };
    const existing = await tx.assignment.findUnique({ where: key });
    if (!existing) throw new NotFoundError("This document is not assigned to this reviewer.", "reviewerId");
    await tx.assignment.delete({ where: key });
    await appendAudit(tx, {
      actorId: curatorId,
      action: "assignment.delete",
      entityType: "Assignment",
      entityId: `${input.documentId}/${input.reviewerId}`,
      documentId: input.documentId,
      before: { reviewerId: input.reviewerId, done: existing.doneAt !== null },
    });
  });
}

/** The assigned reviewer marks their document done, or reopens it. Only their own assignment. */
export async function markAssignmentDone(
  db: Db,
  reviewerId: string,
  input: { documentId: string; done: boolean },
): Promise<{ doneAt: Date | null }> {
  return db.$transaction(async (tx) => {
    const key = { documentId_reviewerId: { documentId: input.documentId, reviewerId } };
    const existing = await tx.assignment.findUnique({ where: key });
    if (!existing) throw new ForbiddenError("This document is not assigned to you.", "documentId");
    const doneAt = input.done ? (existing.doneAt ?? new Date()) : null;
    if ((existing.doneAt === null) !== (doneAt === null)) {
      await tx.assignment.update({ where: key, data: { doneAt } });
      await appendAudit(tx, {
        actorId: reviewerId,
        action: input.done ? "assignment.done" : "assignment.reopen",
        entityType: "Assignment",
        entityId: `${input.documentId}/${reviewerId}`,
        documentId: input.documentId,
      });
    }
    return { doneAt };
  });
}

export interface AssignmentProgress {
  document: { id: string; slug: string; title: string };
  reviewer: { id: string; name: string };
  /** Live claims of the document this reviewer has tagged, and live claims in all. */
  tagged: number;
  total: number;
  doneAt: Date | null;
}

/**
 * Assignments with their progress (one reviewer's, or everyone's), in document order then
 * reviewer name. Two grouped counts, not a query per assignment.
 */
export async function listAssignmentProgress(db: Db, reviewerId: string | null): Promise<AssignmentProgress[]> {
  const assignments = await db.assignment.findMany({
    where: reviewerId ? { reviewerId } : {},
    include: {
      document: { select: { id: true, slug: true, title: true, fileName: true } },
      reviewer: { select: { id: true, name: true } },
    },
  });
  if (assignments.length === 0) return [];
  const documentIds = [...new Set(assignments.map((a) => a.documentId))];
  const reviewerIds = [...new Set(assignments.map((a) => a.reviewerId))];
  const [totals, tagged] = await Promise.all([
    db.claim.groupBy({
      by: ["documentId"],
      where: { documentId: { in: documentIds }, deletedAt: null },
      _count: { _all: true },
    }),
    db.claimTag.findMany({
      where: { reviewerId: { in: reviewerIds }, claim: { documentId: { in: documentIds }, deletedAt: null } },
      select: { claimId: true, reviewerId: true, claim: { select: { documentId: true } } },
      distinct: ["claimId", "reviewerId"],
    }),
  ]);
  const total = new Map(totals.map((t) => [t.documentId, t._count._all]));
  const done = new Map<string, number>();
  for (const t of tagged) {
    const key = `${t.claim.documentId} ${t.reviewerId}`;
    done.set(key, (done.get(key) ?? 0) + 1);
  }
  return assignments
    .map((a) => ({
      document: { id: a.document.id, slug: a.document.slug, title: a.document.title },
      reviewer: a.reviewer,
      tagged: done.get(`${a.documentId} ${a.reviewerId}`) ?? 0,
      total: total.get(a.documentId) ?? 0,
      doneAt: a.doneAt,
      fileName: a.document.fileName,
    }))
    .sort((x, y) =>
      x.fileName < y.fileName ? -1 : x.fileName > y.fileName ? 1 : x.reviewer.name.localeCompare(y.reviewer.name, "en"),
    )
    .map(({ fileName: _f, ...rest }) => rest);
}

/** Accounts a document can be assigned to: active, reviewer or above, by name. */
export function listAssignableReviewers(db: Db): Promise<{ id: string; name: string; email: string }[]> {
  return db.user.findMany({
    where: { active: true, role: { in: TAGGING_ROLES } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}
