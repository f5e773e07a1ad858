import "server-only";
import type { ExportDocument, ExportDocumentHeader, ExportTag } from "../export/model";
import type { Db } from "./client";

// The exports' headers (tags, documents, counts) through Prisma; the claims themselves are
// read through the database driver (lib/db/export-reader.ts).

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
