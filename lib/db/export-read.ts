import "server-only";
import type {
  ClaimTagRow,
  ExportClaim,
  ExportDocument,
  ExportDocumentHeader,
  ExportPerson,
  ExportTag,
} from "../export/model";
import type { Db } from "./client";

/** Where a page of claims starts: after this claim in reading order (start ↑, end ↓, id ↑). */
export interface ClaimCursor {
  start: number;
  end: number;
  id: string;
}

const person = { select: { id: true, email: true, name: true } } as const;
const READING_ORDER = [{ start: "asc" }, { end: "desc" }, { id: "asc" }] as const;

function after(cursor: ClaimCursor | null) {
  if (!cursor) return {};
  const { start, end, id } = cursor;
  return { OR: [{ start: { gt: start } }, { start, end: { lt: end } }, { start, end, id: { gt: id } }] };
}

export function listExportTags(db: Db): Promise<ExportTag[]> {
  return db.tag.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: { slug: true, label: true, letter: true, color: true, shortcut: true, description: true, position: true },
  });
}

const header = {
  id: true,
  fileName: true,
  slug: true,
  title: true,
  author: true,
  publication: true,
  publishedOn: true,
  sha256: true,
} as const;

/** Documents in file-name order; all of them when `ids` is null. */
export function listExportDocuments(db: Db, ids: string[] | null): Promise<ExportDocumentHeader[]> {
  return db.document.findMany({ where: ids ? { id: { in: ids } } : {}, orderBy: { fileName: "asc" }, select: header });
}

/** A document found by its slug or its file name. */
export function findExportDocument(db: Db, slugOrFileName: string): Promise<ExportDocumentHeader | null> {
  return db.document.findFirst({
    where: { OR: [{ slug: slugOrFileName }, { fileName: slugOrFileName }] },
    select: header,
  });
}

export async function readExportDocument(db: Db, id: string): Promise<ExportDocument> {
  return db.document.findUniqueOrThrow({ where: { id }, select: { ...header, text: true } });
}

export function countLiveClaims(db: Db, documentIds: string[] | null): Promise<number> {
  return db.claim.count({ where: { deletedAt: null, ...(documentIds ? { documentId: { in: documentIds } } : {}) } });
}

/** One page of a document's live claims in reading order, with tags, live notes and people. */
export async function readClaimPage(
  db: Db,
  documentId: string,
  cursor: ClaimCursor | null,
  take: number,
): Promise<ExportClaim[]> {
  const rows = await db.claim.findMany({
    where: { documentId, deletedAt: null, ...after(cursor) },
    orderBy: [...READING_ORDER],
    take,
    include: {
      suggestedTags: { select: { tag: { select: { slug: true } } } },
      tags: { select: { createdAt: true, tag: { select: { slug: true } }, reviewer: person } },
      notes: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: person } },
      createdBy: person,
    },
  });
  return rows.map((c) => ({
    id: c.id,
    seedKey: c.seedKey,
    start: c.start,
    end: c.end,
    exact: c.exact,
    prefix: c.prefix,
    suffix: c.suffix,
    paragraphStart: c.paragraphStart,
    paragraphEnd: c.paragraphEnd,
    statement: c.statement,
    kind: c.kind,
    status: c.status,
    suggestedTags: c.suggestedTags.map((s) => s.tag.slug).sort(),
    tags: c.tags
      .map((t) => ({ tag: t.tag.slug, reviewer: t.reviewer, createdAt: t.createdAt }))
      .sort((a, b) => compare(a.reviewer.email, b.reviewer.email) || compare(a.tag, b.tag)),
    notes: liveNotes(c.notes),
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  }));
}

/** One page of a document's live claims with only their tags, for the summary table. */
export async function readClaimTagPage(
  db: Db,
  documentId: string,
  cursor: ClaimCursor | null,
  take: number,
): Promise<(ClaimTagRow & ClaimCursor)[]> {
  const rows = await db.claim.findMany({
    where: { documentId, deletedAt: null, ...after(cursor) },
    orderBy: [...READING_ORDER],
    take,
    select: {
      id: true,
      start: true,
      end: true,
      suggestedTags: { select: { tag: { select: { slug: true } } } },
      tags: { select: { reviewerId: true, tag: { select: { slug: true } } } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    start: c.start,
    end: c.end,
    suggestedTags: c.suggestedTags.map((s) => s.tag.slug),
    reviewerTags: c.tags.map((t) => ({ tag: t.tag.slug, reviewerId: t.reviewerId })),
  }));
}

/**
 * The live notes of a claim. A reply to a deleted note is re-attached to its nearest live
 * ancestor (or becomes a thread of its own), so every exported parentId points at an exported note.
 */
function liveNotes<
  N extends {
    id: string;
    parentId: string | null;
    deletedAt: Date | null;
    author: ExportPerson;
    body: string;
    createdAt: Date;
    updatedAt: Date;
  },
>(notes: N[]) {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const liveAncestor = (id: string | null): string | null => {
    const seen = new Set<string>();
    for (
      let n = id ? byId.get(id) : undefined;
      n && !seen.has(n.id);
      n = n.parentId ? byId.get(n.parentId) : undefined
    ) {
      if (!n.deletedAt) return n.id;
      seen.add(n.id);
    }
    return null;
  };
  return notes
    .filter((n) => !n.deletedAt)
    .map((n) => ({
      id: n.id,
      parentId: liveAncestor(n.parentId),
      author: n.author,
      body: n.body,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    }));
}

/** Code-unit order, so the export does not depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
