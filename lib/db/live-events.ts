import "server-only";
import { isLiveKind, type LiveEvent, liveKindOfAuditAction } from "../live/event-kinds";
import type { Db } from "./client";
import type { Prisma } from "./generated/client";

/** The PostgreSQL channel live events are announced on (lib/live/postgres-bus.ts listens). */
export const LIVE_CHANNEL = "claimbook_live";

// Any constant will do: it only has to be the same for every app server of one database.
const LIVE_ORDER_LOCK = 0x6c697665; // "live"

type Provider = "sqlite" | "postgresql";

/** The engine behind a transaction client (engineOfDb knows only the root clients). */
function providerOf(tx: Prisma.TransactionClient): Provider {
  return (tx as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

interface AuditedChange {
  auditId: string;
  action: string;
  entityType: string;
  entityId: string;
  documentId?: string | null;
  claimId?: string | null;
  actorId: string | null;
}

/**
 * Records the live event of an audited change, in the change's own transaction (called by
 * appendAudit): a rolled-back write leaves no event, and a committed one cannot lose it.
 * On PostgreSQL the NOTIFY is sent from inside the transaction too: PostgreSQL delivers it
 * only when (and if) the transaction commits. A transaction-scoped advisory lock makes
 * event-writing transactions commit in seq order, so a listener reading "everything after
 * the last seq I saw" never skips a seq that commits late.
 */
export async function recordLiveEvent(tx: Prisma.TransactionClient, change: AuditedChange): Promise<void> {
  const kind = liveKindOfAuditAction(change.action);
  if (!kind || !change.documentId) return;
  const version =
    change.entityType === "Document"
      ? (await tx.document.findUnique({ where: { id: change.entityId }, select: { versionNumber: true } }))
          ?.versionNumber
      : change.entityType === "Note"
        ? (await tx.note.findUnique({ where: { id: change.entityId }, select: { version: true } }))?.version
        : change.claimId
          ? (await tx.claim.findUnique({ where: { id: change.claimId }, select: { version: true } }))?.version
          : undefined;
  const postgres = providerOf(tx) === "postgresql";
  if (postgres) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LIVE_ORDER_LOCK})`;
  const row = await tx.liveEvent.create({
    data: {
      auditId: change.auditId,
      documentId: change.documentId,
      kind,
      entityId: change.entityId,
      claimId: change.claimId ?? null,
      version: version ?? null,
      actorId: change.actorId,
    },
    select: { seq: true },
  });
  if (postgres) {
    const payload = JSON.stringify({ seq: row.seq, documentId: change.documentId });
    await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`;
  }
}

function toLiveEvent(row: {
  seq: number;
  documentId: string;
  kind: string;
  entityId: string;
  claimId: string | null;
  version: number | null;
  actorId: string | null;
  actorName: string | null;
}): LiveEvent | null {
  if (!isLiveKind(row.kind)) return null;
  return { ...row, kind: row.kind };
}

const liveSelect = {
  seq: true,
  documentId: true,
  kind: true,
  entityId: true,
  claimId: true,
  version: true,
  actorId: true,
} as const;

/** Live events after `seq`, oldest first, at most `limit`, of one document or of all. */
export async function readLiveEventsAfter(
  db: Db,
  seq: number,
  limit: number,
  documentId?: string,
): Promise<LiveEvent[]> {
  const rows = await db.liveEvent.findMany({
    where: { seq: { gt: seq }, ...(documentId ? { documentId } : {}) },
    orderBy: { seq: "asc" },
    take: limit,
    select: liveSelect,
  });
  // The actor's name (never the email) lets a page say who changed the claim it shows.
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const names = new Map(
    actorIds.length === 0
      ? []
      : (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [
          u.id,
          u.name,
        ]),
  );
  return rows
    .map((row) => toLiveEvent({ ...row, actorName: row.actorId ? (names.get(row.actorId) ?? null) : null }))
    .filter((e): e is LiveEvent => e !== null);
}

/** The newest seq and the oldest one still kept (0 and null when there are none). */
export async function liveEventBounds(db: Db): Promise<{ latest: number; oldest: number | null }> {
  const { _max, _min } = await db.liveEvent.aggregate({ _max: { seq: true }, _min: { seq: true } });
  return { latest: _max.seq ?? 0, oldest: _min.seq ?? null };
}

/** Drops live events older than `before` (the audit log keeps the history); returns how many. */
export async function pruneLiveEvents(db: Db, before: Date): Promise<number> {
  return (await db.liveEvent.deleteMany({ where: { at: { lt: before } } })).count;
}

/** The newest seq: a page reads it before its data, and asks the stream for everything after. */
export async function latestLiveSeq(db: Db): Promise<number> {
  return (await liveEventBounds(db)).latest;
}
