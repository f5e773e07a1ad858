import "server-only";
import { splitParagraphs } from "../anchoring/paragraphs";
import type { Span } from "../anchoring/types";
import type { ImportedText } from "../documents/parse-document";
import { type AnchorState, countStates, type ReanchorReport, reanchorClaim } from "../documents/reanchor";
import { appendAudit } from "./audit";
import type { Db } from "./client";
import { DuplicateDocumentError } from "./document-imports";
import { ConflictError, NotFoundError, WriteError } from "./errors";
import type { Prisma } from "./generated/client";

export interface NewVersionResult {
  documentId: string;
  slug: string;
  title: string;
  number: number;
  report: ReanchorReport;
  /** Pending suggestions carried to the new text (unchanged or moved) and dropped (anything less sure). */
  suggestions: { carried: number; dropped: number };
}

/**
 * Stores a new text for a document as its current version and carries every live claim over
 * with lib/documents/reanchor, in one transaction with one audit event that lists each
 * claim's state and old and new span. The old text stays (DocumentVersion); orphaned claims
 * keep their old selectors and text hash; every carried claim's version is bumped, so an
 * edit made against the old text is refused as stale rather than applied to the new one.
 */
export async function addDocumentVersion(
  db: Db,
  actorId: string | null,
  documentRef: { id?: string; slug?: string; fileName?: string },
  imported: ImportedText,
  originalName?: string,
): Promise<NewVersionResult> {
  return db.$transaction(async (tx) => {
    const doc = await tx.document.findFirst({
      where: {
        OR: [{ id: documentRef.id ?? "" }, { slug: documentRef.slug ?? "" }, { fileName: documentRef.fileName ?? "" }],
      },
    });
    if (!doc) throw new NotFoundError("There is no such document to add a version to.");
    if (imported.sha256 === doc.sha256)
      throw new WriteError(`This is already the current text of "${doc.title}": nothing changed.`, "file");
    const elsewhere = await tx.document.findFirst({
      where: { sha256: imported.sha256, id: { not: doc.id } },
      select: { slug: true, title: true },
    });
    if (elsewhere) throw new DuplicateDocumentError(elsewhere);

    // A shipped document has no version rows yet: keep its text as version 1 first.
    if ((await tx.documentVersion.count({ where: { documentId: doc.id } })) === 0) {
      await tx.documentVersion.create({
        data: {
          documentId: doc.id,
          number: doc.versionNumber,
          text: doc.text,
          sha256: doc.sha256,
          format: doc.format ?? "txt",
          originalName: doc.originalName ?? doc.fileName,
          originalSha256: doc.originalSha256 ?? doc.sha256,
          createdAt: doc.createdAt,
        },
      });
    }
    const number = doc.versionNumber + 1;
    const paragraphs = splitParagraphs(imported.text);
    const claims = await tx.claim.findMany({
      where: { documentId: doc.id, deletedAt: null },
      orderBy: { start: "asc" },
    });
    const carried: {
      claimId: string;
      state: AnchorState;
      from: [number, number];
      to: [number, number] | null;
      reason?: string;
    }[] = [];
    for (const claim of claims) {
      const r = reanchorClaim(imported.text, claim, paragraphs);
      if (r.state === "orphaned") {
        await tx.claim.update({
          where: { id: claim.id },
          data: { anchorState: "orphaned", version: { increment: 1 } },
        });
        carried.push({ claimId: claim.id, state: r.state, from: [claim.start, claim.end], to: null, reason: r.reason });
      } else {
        await tx.claim.update({
          where: { id: claim.id },
          data: { ...r.selectors, textHash: imported.sha256, anchorState: r.state, version: { increment: 1 } },
        });
        carried.push({
          claimId: claim.id,
          state: r.state,
          from: [claim.start, claim.end],
          to: [r.selectors.start, r.selectors.end],
        });
      }
    }
    const report = countStates(carried.map((c) => c.state));
    const suggestions = await carrySuggestions(tx, doc.id, doc.sha256, imported, paragraphs);
    await tx.documentVersion.create({
      data: {
        documentId: doc.id,
        number,
        text: imported.text,
        sha256: imported.sha256,
        format: imported.format,
        originalName: originalName ?? null,
        originalSha256: imported.originalSha256,
        createdById: actorId,
        reanchorReport: JSON.stringify(report),
      },
    });
    await tx.document.update({
      where: { id: doc.id },
      data: {
        text: imported.text,
        sha256: imported.sha256,
        versionNumber: number,
        format: imported.format,
        originalName: originalName ?? null,
        originalSha256: imported.originalSha256,
      },
    });
    await appendAudit(tx, {
      actorId,
      action: "document.new-version",
      entityType: "Document",
      entityId: doc.id,
      documentId: doc.id,
      before: { version: doc.versionNumber, sha256: doc.sha256 },
      after: {
        version: number,
        sha256: imported.sha256,
        originalSha256: imported.originalSha256,
        report,
        claims: carried,
        suggestions,
      },
    });
    return { documentId: doc.id, slug: doc.slug, title: doc.title, number, report, suggestions };
  });
}

/**
 * Carries a document's suggestions to its new text with the claims' re-anchoring. A pending
 * suggestion found unchanged or moved keeps waiting on its new passage; one that would need a
 * reviewer's confirmation (fuzzy) or is gone (orphaned) is dropped, since it was never
 * decided and suggesting on the new text offers its passage again if it still has a cue. A
 * rejected suggestion is carried too when it can be, so its passage is not offered again.
 */
async function carrySuggestions(
  tx: Prisma.TransactionClient,
  documentId: string,
  oldHash: string,
  imported: ImportedText,
  paragraphs: Span[],
): Promise<{ carried: number; dropped: number }> {
  const rows = await tx.suggestion.findMany({
    where: { documentId, textHash: oldHash, status: { in: ["pending", "rejected"] } },
  });
  let carried = 0;
  const dropped: string[] = [];
  for (const row of rows) {
    const r = reanchorClaim(imported.text, row, paragraphs);
    if (r.state === "unchanged" || r.state === "moved") {
      await tx.suggestion.update({ where: { id: row.id }, data: { ...r.selectors, textHash: imported.sha256 } });
      if (row.status === "pending") carried++;
    } else if (row.status === "pending") dropped.push(row.id);
  }
  if (dropped.length) await tx.suggestion.deleteMany({ where: { id: { in: dropped } } });
  return { carried, dropped: dropped.length };
}

export type AnchorResolution = "confirm" | "retire";

/**
 * A reviewer's decision on a claim the new version left fuzzy or orphaned: confirm the
 * passage it was placed on (fuzzy only), or retire the claim (soft delete). Re-selecting
 * the passage goes through the ordinary span adjustment, which marks it "reselected".
 */
export async function resolveAnchor(
  db: Db,
  actorId: string,
  input: { claimId: string; version: number; resolution: AnchorResolution },
) {
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId } });
    if (!claim) throw new NotFoundError("This claim no longer exists.");
    if (claim.anchorState !== "fuzzy" && claim.anchorState !== "orphaned")
      throw new WriteError("This claim is not waiting for a decision about its passage.");
    if (input.resolution === "confirm" && claim.anchorState === "orphaned")
      throw new WriteError("An orphaned claim has no passage to confirm: re-select one or retire it.");
    const data =
      input.resolution === "confirm" ? { anchorState: "confirmed" } : { anchorState: "retired", deletedAt: new Date() };
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count !== 1)
      throw new ConflictError("Someone else changed this claim since you opened it; reload to see it.", null);
    await appendAudit(tx, {
      actorId,
      action: input.resolution === "confirm" ? "claim.confirm-anchor" : "claim.retire-orphan",
      entityType: "Claim",
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before: { anchorState: claim.anchorState, start: claim.start, end: claim.end, exact: claim.exact },
      after: { anchorState: data.anchorState },
    });
    return { claimId: claim.id, anchorState: data.anchorState };
  });
}
