import "server-only";
import type { Db } from "./client";
import { NotFoundError } from "./errors";
import { searchClaims } from "./search";

export interface LinkTarget {
  claimId: string;
  documentTitle: string;
  exact: string;
}

/** Claims of other documents a reviewer may link a claim to: the claim search, minus the claim's own document. */
export async function findLinkTargets(db: Db, input: { claimId: string; q: string }): Promise<LinkTarget[]> {
  const claim = await db.claim.findUnique({
    where: { id: input.claimId },
    select: { document: { select: { slug: true } } },
  });
  if (!claim) throw new NotFoundError("This claim no longer exists.");
  const page = await searchClaims(db, { q: input.q, sort: "relevance", limit: 20 });
  return page.hits
    .filter((h) => h.document.slug !== claim.document.slug)
    .slice(0, 10)
    .map((h) => ({ claimId: h.claimId, documentTitle: h.document.title, exact: h.exact }));
}
