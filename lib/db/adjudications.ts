import "server-only";
import type { ClaimStatus } from "../validation/claim";
import { appendAudit } from "./audit";
import { type ClaimForReading, getClaimForReading } from "./claim-reads";
import type { Db } from "./client";
import { ConflictError, NotFoundError, WriteError } from "./errors";

export interface Verdict {
  tags: string[];
  status: ClaimStatus;
  reason: string;
  curator: { id: string; name: string };
  version: number;
  updatedAt: Date;
}

/**
 * Records a curator's verdict on a claim: its final tags and status, with the reason. The
 * claim's own status becomes the verdict's (so every view and export shows it) and its
 * version is bumped by compare-and-set, so a verdict on a claim that changed since the
 * curator looked at it is refused with the newer state. Audited in the same transaction,
 * with the previous verdict as "before".
 */
export async function adjudicateClaim(
  db: Db,
  curatorId: string,
  input: { claimId: string; version: number; tags: string[]; status: ClaimStatus; reason: string },
): Promise<ClaimForReading> {
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId } });
    if (!claim) throw new NotFoundError("This claim no longer exists.");
    if (claim.deletedAt) throw new WriteError("This claim is deleted; restore it before adjudicating.");
    const tags = await tx.tag.findMany({ where: { slug: { in: input.tags } }, select: { id: true, slug: true } });
    const unknown = input.tags.filter((s) => !tags.some((t) => t.slug === s));
    if (unknown.length) throw new WriteError(`There is no tag "${unknown[0]}".`, "tags");
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, version: input.version },
      data: { status: input.status, version: { increment: 1 } },
    });
    if (count !== 1)
      throw new ConflictError(
        "This claim changed since you opened it. Here is the newer version; look again before deciding.",
        await getClaimForReading(tx, claim.id),
      );
    const previous = await tx.adjudication.findUnique({
      where: { claimId: claim.id },
      include: { tags: { select: { tag: { select: { slug: true } } } } },
    });
    if (previous) {
      await tx.finalTag.deleteMany({ where: { claimId: claim.id } });
      await tx.adjudication.update({
        where: { claimId: claim.id },
        data: { status: input.status, reason: input.reason, curatorId, version: { increment: 1 } },
      });
    } else {
      await tx.adjudication.create({
        data: { claimId: claim.id, status: input.status, reason: input.reason, curatorId },
      });
    }
    if (tags.length) await tx.finalTag.createMany({ data: tags.map((t) => ({ claimId: claim.id, tagId: t.id })) });
    await appendAudit(tx, {
      actorId: curatorId,
      action: "claim.adjudicate",
      entityType: "Claim",
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before: previous
        ? { tags: previous.tags.map((t) => t.tag.slug).sort(), status: previous.status, reason: previous.reason }
        : { status: claim.status, adjudicated: false },
      after: { tags: [...input.tags].sort(), status: input.status, reason: input.reason },
    });
    return (await getClaimForReading(tx, claim.id))!;
  });
}

/** The verdicts on some claims, by claim id (claims without one are absent). */
export async function readVerdicts(db: Db, claimIds: string[]): Promise<Map<string, Verdict>> {
  if (claimIds.length === 0) return new Map();
  const rows = await db.adjudication.findMany({
    where: { claimId: { in: claimIds } },
    include: { tags: { select: { tag: { select: { slug: true } } } }, curator: { select: { id: true, name: true } } },
  });
  return new Map(
    rows.map((r) => [
      r.claimId,
      {
        tags: r.tags.map((t) => t.tag.slug).sort(),
        status: r.status as ClaimStatus,
        reason: r.reason,
        curator: r.curator,
        version: r.version,
        updatedAt: r.updatedAt,
      },
    ]),
  );
}
