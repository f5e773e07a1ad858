import "server-only";
import type { Db } from "../db/client";
import { documentsUnderIndependentReview, slugsUnderIndependentReview } from "../db/independent-review";
import { excludeDocuments } from "../review/independent-review";
import { type ExportScope, type ExportScopeRequest, resolveScope } from "./scope";

export class UnderIndependentReviewError extends Error {
  constructor() {
    super("You are reviewing this document independently: mark it done in My work to export it.");
  }
}

/**
 * The export scope as this viewer may have it: the documents they review independently (an
 * open assignment) are left out of a corpus or search export, and refused as a document export,
 * since every report shows reviewers' tags and their consensus.
 */
export async function scopeForViewer(
  db: Db,
  viewer: { id: string; role: string },
  request: ExportScopeRequest,
): Promise<ExportScope> {
  const hidden = await documentsUnderIndependentReview(db, viewer);
  if (hidden.size === 0) return resolveScope(db, request);
  if (request.kind === "query")
    return resolveScope(db, {
      ...request,
      q: excludeDocuments(request.q, await slugsUnderIndependentReview(db, viewer)),
    });
  const scope = await resolveScope(db, request);
  if (scope.documentIds?.some((id) => hidden.has(id))) throw new UnderIndependentReviewError();
  if (scope.documentIds === null) {
    const all = await db.document.findMany({ select: { id: true } });
    return { ...scope, documentIds: all.map((d) => d.id).filter((id) => !hidden.has(id)) };
  }
  return scope;
}
