import "server-only";
import type { Prisma } from "./generated/client";
import { recordLiveEvent } from "./live-events";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  documentId?: string | null;
  claimId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit event; always called inside the transaction of the change it records.
 * A change an open document page shows is also recorded as a live event (lib/live).
 */
export async function appendAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  const event = await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      documentId: entry.documentId ?? null,
      claimId: entry.claimId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
    select: { id: true },
  });
  await recordLiveEvent(tx, { ...entry, auditId: event.id });
}
