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
  /** The actor's name alone ("system" for the seed and other scripts). */
  actorName: string;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  documentTitle: string | null;
  documentSlug: string | null;
  claimId: string | null;
  /** The claim's passage as it reads now (null when the claim no longer exists). */
  claimText: string | null;
  claimDeleted: boolean;
  /** For an event about an account: that account's name. */
  subjectName: string | null;
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
  const ids = (pick: (e: (typeof events)[number]) => string | null) => [
    ...new Set(events.map(pick).filter((id): id is string => id !== null)),
  ];
  // What a sentence names: the document, the claim's passage, the account; one query each.
  const [documents, claims, users] = await Promise.all([
    db.document.findMany({
      where: { id: { in: ids((e) => e.documentId) } },
      select: { id: true, title: true, slug: true },
    }),
    db.claim.findMany({
      where: { id: { in: ids((e) => e.claimId) } },
      select: { id: true, exact: true, deletedAt: true },
    }),
    db.user.findMany({
      where: { id: { in: ids((e) => (e.entityType === "User" ? e.entityId : null)) } },
      select: { id: true, name: true },
    }),
  ]);
  const documentOf = new Map(documents.map((d) => [d.id, d]));
  const claimOf = new Map(claims.map((c) => [c.id, c]));
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: page.map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actor ? `${e.actor.name} <${e.actor.email}>` : "system",
      actorName: e.actor?.name ?? "system",
      actorEmail: e.actor?.email ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      documentTitle: e.documentId ? (documentOf.get(e.documentId)?.title ?? null) : null,
      documentSlug: e.documentId ? (documentOf.get(e.documentId)?.slug ?? null) : null,
      claimId: e.claimId,
      claimText: e.claimId ? (claimOf.get(e.claimId)?.exact ?? null) : null,
      claimDeleted: e.claimId ? claimOf.get(e.claimId)?.deletedAt != null : false,
      subjectName: e.entityType === "User" ? (nameOf.get(e.entityId) ?? null) : null,
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
