import "server-only";
import { countTags } from "../tags/counting-rule";
import type { Db } from "./client";
import { documentsUnderIndependentReview } from "./independent-review";
import { claimsFromTagRows, type TagRow } from "./tag-rows";

interface Viewer {
  id: string;
  role: string;
}

/**
 * Live claims per final tag in one document (its page's footer), as this viewer may see
 * them: read as tag rows (a few per claim) rather than whole claims, so the page need not
 * load its claim set. During an independent review a claim the viewer has not tagged counts
 * without other reviewers' tags and verdict, exactly as redactClaim shows it.
 */
export async function documentTagCounts(
  db: Db,
  viewer: Viewer,
  document: { id: string; sha256: string },
): Promise<Record<string, number>> {
  const [rows, hidden] = await Promise.all([
    // Each branch starts from this document's claims (the claim index), not from the whole corpus's tags.
    db.$queryRaw<TagRow[]>`
      WITH "live" AS (
        SELECT "id", "documentId" FROM "Claim"
        WHERE "documentId" = ${document.id} AND "textHash" = ${document.sha256} AND "deletedAt" IS NULL)
      SELECT c."documentId" AS "documentId", c."id" AS "claimId", 's' AS "kind", t."slug" AS "tag",
        NULL AS "reviewerId"
      FROM "live" c JOIN "SuggestedTag" x ON x."claimId" = c."id" JOIN "Tag" t ON t."id" = x."tagId"
      UNION ALL
      SELECT c."documentId", c."id", 'r', t."slug", x."reviewerId"
      FROM "live" c JOIN "ClaimTag" x ON x."claimId" = c."id" JOIN "Tag" t ON t."id" = x."tagId"
      UNION ALL
      SELECT c."documentId", c."id", 'f', t."slug", NULL
      FROM "live" c JOIN "Adjudication" a ON a."claimId" = c."id"
        LEFT JOIN "FinalTag" f ON f."claimId" = a."claimId" LEFT JOIN "Tag" t ON t."id" = f."tagId"`,
    documentsUnderIndependentReview(db, viewer),
  ]);
  const claims = [...claimsFromTagRows(rows).values()];
  if (hidden.has(document.id))
    for (const claim of claims) {
      if (claim.reviewerTags.some((t) => t.reviewerId === viewer.id)) continue;
      claim.reviewerTags = [];
      claim.finalTags = undefined;
    }
  return countTags(claims).byTag;
}
