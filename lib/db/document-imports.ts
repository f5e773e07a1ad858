import "server-only";
import { displayTitle, documentSlug } from "../documents/describe-document";
import { sha256Hex } from "../documents/hash";
import type { ImportedText } from "../documents/parse-document";
import { applyTextPolicy } from "../documents/text-policy";
import type { DocumentMetadataInput } from "../validation/document-import";
import { appendAudit } from "./audit";
import type { Db } from "./client";
import { NotFoundError, WriteError } from "./errors";
import type { Prisma } from "./generated/client";

type Tx = Prisma.TransactionClient;

export interface ImportedDocument {
  id: string;
  slug: string;
  title: string;
  fileName: string;
}

/** A text equal to one already stored: refused, naming where it is. */
export class DuplicateDocumentError extends WriteError {
  constructor(
    readonly existing: { slug: string; title: string },
    version?: number,
  ) {
    super(
      `This text is already stored${version ? ` as version ${version} of` : " as"} "${existing.title}" (/documents/${existing.slug}).`,
    );
  }
}

/**
 * The stored document whose current or earlier text is this one, if any. Documents that
 * were not imported (the shipped corpus, vendored byte for byte) never went through the
 * text policy, so they are compared after it; imported texts already went through it.
 */
async function findSameText(tx: Tx, sha256: string) {
  const current = await tx.document.findFirst({ where: { sha256 }, select: { slug: true, title: true } });
  if (current) return new DuplicateDocumentError(current);
  for (const doc of await tx.document.findMany({
    where: { format: null },
    select: { slug: true, title: true, text: true },
  })) {
    if (sha256Hex(applyTextPolicy(doc.text)) === sha256) return new DuplicateDocumentError(doc);
  }
  const earlier = await tx.documentVersion.findFirst({
    where: { sha256 },
    select: { number: true, document: { select: { slug: true, title: true } } },
  });
  return earlier ? new DuplicateDocumentError(earlier.document, earlier.number) : null;
}

/** The next stored file name, numbered after the highest one ("005_<sha16>.txt"), as the shipped ones are. */
async function nextFileName(tx: Tx, sha256: string): Promise<string> {
  const names = await tx.document.findMany({ select: { fileName: true } });
  const highest = names.reduce((n, d) => Math.max(n, Number.parseInt(d.fileName, 10) || 0), -1);
  return `${String(highest + 1).padStart(3, "0")}_${sha256.slice(0, 16)}.txt`;
}

/**
 * Stores an imported text as a new document (its first version) with its audit event,
 * in one transaction. The metadata given wins over what the file says; the title falls
 * back to the text's opening line. A text already stored (now or as an earlier version
 * of any document) is refused with the document's name.
 */
export async function importDocument(
  db: Db,
  actorId: string | null,
  imported: ImportedText,
  given: DocumentMetadataInput & { originalName?: string },
): Promise<ImportedDocument> {
  return db.$transaction(async (tx) => {
    const duplicate = await findSameText(tx, imported.sha256);
    if (duplicate) throw duplicate;
    const title = given.title ?? imported.metadata.title ?? displayTitle(imported.text, { title: null });
    const fileName = await nextFileName(tx, imported.sha256);
    const doc = await tx.document.create({
      data: {
        fileName,
        // A title with no Latin letters or digits leaves only the number: say what it is.
        slug: documentSlug(fileName, title).replace(/-$/, "-document"),
        title,
        author: given.author ?? imported.metadata.author ?? null,
        publication: given.publication ?? imported.metadata.publication ?? null,
        publishedOn: given.date ?? imported.metadata.publishedOn ?? null,
        sourceUrl: given.sourceUrl ?? null,
        text: imported.text,
        sha256: imported.sha256,
        format: imported.format,
        originalName: given.originalName ?? null,
        originalSha256: imported.originalSha256,
      },
    });
    await tx.documentVersion.create({
      data: {
        documentId: doc.id,
        number: 1,
        text: imported.text,
        sha256: imported.sha256,
        format: imported.format,
        originalName: given.originalName ?? null,
        originalSha256: imported.originalSha256,
        createdById: actorId,
      },
    });
    await appendAudit(tx, {
      actorId,
      action: "document.import",
      entityType: "Document",
      entityId: doc.id,
      documentId: doc.id,
      after: {
        fileName,
        slug: doc.slug,
        title,
        format: imported.format,
        originalName: given.originalName ?? null,
        sha256: imported.sha256,
        originalSha256: imported.originalSha256,
        length: imported.text.length,
      },
    });
    return { id: doc.id, slug: doc.slug, title: doc.title, fileName };
  });
}

const EDITABLE = ["title", "author", "publication", "publishedOn", "sourceUrl"] as const;

/** An admin's correction of a document's metadata, audited with before and after. */
export async function editDocumentMetadata(
  db: Db,
  actorId: string,
  input: DocumentMetadataInput & { documentId: string },
) {
  return db.$transaction(async (tx) => {
    const doc = await tx.document.findUnique({ where: { id: input.documentId } });
    if (!doc) throw new NotFoundError("This document no longer exists.");
    const next = {
      title: input.title ?? doc.title,
      author: input.author ?? null,
      publication: input.publication ?? null,
      publishedOn: input.date ?? null,
      sourceUrl: input.sourceUrl ?? null,
    };
    const before = Object.fromEntries(EDITABLE.map((f) => [f, doc[f]]));
    await tx.document.update({ where: { id: doc.id }, data: next });
    await appendAudit(tx, {
      actorId,
      action: "document.edit-metadata",
      entityType: "Document",
      entityId: doc.id,
      documentId: doc.id,
      before,
      after: next,
    });
    return { slug: doc.slug, ...next };
  });
}
