import "server-only";
import type { LinkRelation } from "../links/types";
import { appendAudit } from "./audit";
import { getLink, type LinkListing } from "./claim-link-reads";
import type { Db } from "./client";
import { ConflictError, NotFoundError, WriteError } from "./errors";

/**
 * Reviewers' writes on links. Each runs in one transaction with its audit event; state
 * changes carry the version they were based on (a compare-and-set, as for claims), so two
 * reviewers deciding the same suggestion at once cannot silently overwrite each other.
 */
export async function setLinkState(
  db: Db,
  actorId: string,
  input: { linkId: string; version: number; state: "confirmed" | "rejected" | "suggested"; note?: string },
): Promise<LinkListing> {
  return db.$transaction(async (tx) => {
    const link = await tx.claimLink.findUnique({ where: { id: input.linkId } });
    if (!link) throw new NotFoundError("This link no longer exists.");
    const { count } = await tx.claimLink.updateMany({
      where: { id: link.id, version: input.version },
      data: {
        state: input.state,
        note: input.note ?? link.note,
        decidedById: input.state === "suggested" ? null : actorId,
        decidedAt: input.state === "suggested" ? null : new Date(),
        version: { increment: 1 },
      },
    });
    if (count !== 1)
      throw new ConflictError(
        "Someone else changed this link since you opened it. Here is the newer state; decide again if it still holds.",
        await getLink(tx, link.id),
      );
    await appendAudit(tx, {
      actorId,
      action: `link.${input.state === "suggested" ? "reopen" : input.state === "confirmed" ? "confirm" : "reject"}`,
      entityType: "ClaimLink",
      entityId: link.id,
      before: { state: link.state, note: link.note },
      after: { state: input.state, note: input.note ?? link.note },
    });
    return (await getLink(tx, link.id)) as LinkListing;
  });
}

/** Dismisses a discrepancy flag with the reviewer's reason (it stays, marked dismissed). */
export async function dismissLinkFlag(
  db: Db,
  actorId: string,
  input: { flagId: string; reason: string },
): Promise<LinkListing> {
  return db.$transaction(async (tx) => {
    const flag = await tx.linkFlag.findUnique({ where: { id: input.flagId } });
    if (!flag) throw new NotFoundError("This flag no longer exists.");
    if (flag.dismissedAt) throw new WriteError("This flag is already dismissed.");
    await tx.linkFlag.update({
      where: { id: flag.id },
      data: { dismissedAt: new Date(), dismissedById: actorId, dismissReason: input.reason },
    });
    await tx.claimLink.update({ where: { id: flag.linkId }, data: { version: { increment: 1 } } });
    await appendAudit(tx, {
      actorId,
      action: "link.dismiss-flag",
      entityType: "LinkFlag",
      entityId: flag.id,
      before: { kind: flag.kind, reason: flag.reason },
      after: { dismissed: true, dismissReason: input.reason },
    });
    return (await getLink(tx, flag.linkId)) as LinkListing;
  });
}

/** A reviewer's own link between claims of different documents: confirmed from the start. */
export async function createManualLink(
  db: Db,
  actorId: string,
  input: { claimIds: string[]; relation: LinkRelation; note: string },
): Promise<LinkListing> {
  return db.$transaction(async (tx) => {
    const claims = await tx.claim.findMany({
      where: { id: { in: input.claimIds }, deletedAt: null },
      select: { id: true, documentId: true },
    });
    if (claims.length !== new Set(input.claimIds).size)
      throw new NotFoundError("One of these claims no longer exists.");
    if (new Set(claims.map((c) => c.documentId)).size !== claims.length)
      throw new WriteError("A link joins claims of different documents: pick one claim per document.", "claimIds");
    const link = await tx.claimLink.create({
      data: {
        relation: input.relation,
        state: "confirmed",
        origin: "manual",
        note: input.note,
        createdById: actorId,
        decidedById: actorId,
        decidedAt: new Date(),
        members: { create: claims.map((c) => ({ claimId: c.id })) },
      },
    });
    await appendAudit(tx, {
      actorId,
      action: "link.create",
      entityType: "ClaimLink",
      entityId: link.id,
      after: { relation: input.relation, claimIds: claims.map((c) => c.id), note: input.note },
    });
    return (await getLink(tx, link.id)) as LinkListing;
  });
}

/**
 * Takes one claim out of a link. A link left with one claim links nothing and is rejected
 * (kept, so the detector does not suggest the pair again).
 */
export async function unlinkClaim(
  db: Db,
  actorId: string,
  input: { linkId: string; claimId: string; version: number },
): Promise<LinkListing> {
  return db.$transaction(async (tx) => {
    const link = await tx.claimLink.findUnique({ where: { id: input.linkId }, include: { members: true } });
    if (!link) throw new NotFoundError("This link no longer exists.");
    if (!link.members.some((m) => m.claimId === input.claimId))
      throw new NotFoundError("This claim is not in this link.");
    const remaining = link.members.length - 1;
    const { count } = await tx.claimLink.updateMany({
      where: { id: link.id, version: input.version },
      data: {
        version: { increment: 1 },
        ...(remaining < 2 ? { state: "rejected", decidedById: actorId, decidedAt: new Date() } : {}),
      },
    });
    if (count !== 1)
      throw new ConflictError("Someone else changed this link since you opened it.", await getLink(tx, link.id));
    // A detector group keeps its key, so a re-run finds this (now smaller) group and does
    // not put the claim back.
    await tx.claimLinkMember.delete({ where: { linkId_claimId: { linkId: link.id, claimId: input.claimId } } });
    await appendAudit(tx, {
      actorId,
      action: "link.unlink",
      entityType: "ClaimLink",
      entityId: link.id,
      claimId: input.claimId,
      before: { claimIds: link.members.map((m) => m.claimId), state: link.state },
      after: { removed: input.claimId, state: remaining < 2 ? "rejected" : link.state },
    });
    return (await getLink(tx, link.id)) as LinkListing;
  });
}
