import "server-only";
import type { Db } from "./client";
import type { Prisma } from "./generated/client";

export interface AuditFilter {
  actor?: string; // user id
  document?: string; // document id
  claim?: string; // claim id
  cursor?: string; // id of the last event of the previous page
}

export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  documentTitle: string | null;
  claimId: string | null;
  before: string | null;
  after: string | null;
}

export const AUDIT_PAGE_SIZE = 100;

/** Audit events, newest first, filtered by actor, document and claim; one page at a time. */
export async function listAuditEvents(
  db: Db,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const where: Prisma.AuditEventWhereInput = {
    actorId: filter.actor,
    documentId: filter.document,
    claimId: filter.claim,
  };
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    include: { actor: { select: { name: true, email: true } } },
  });
  const documentIds = [...new Set(events.map((e) => e.documentId).filter((id): id is string => id !== null))];
  const titles = new Map(
    (await db.document.findMany({ where: { id: { in: documentIds } }, select: { id: true, title: true } })).map((d) => [
      d.id,
      d.title,
    ]),
  );
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: page.map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actor ? `${e.actor.name} <${e.actor.email}>` : "system",
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      documentTitle: e.documentId ? (titles.get(e.documentId) ?? null) : null,
      claimId: e.claimId,
      before: e.before,
      after: e.after,
    })),
    nextCursor: events.length > AUDIT_PAGE_SIZE ? page[page.length - 1].id : null,
  };
}

/** Choices for the audit page's filters. */
export async function auditFilterChoices(db: Db) {
  const [users, documents] = await Promise.all([
    db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
    db.document.findMany({ orderBy: { fileName: "asc" }, select: { id: true, title: true } }),
  ]);
  return { users, documents };
}
