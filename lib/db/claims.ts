import "server-only";
import type { Db } from "./client";

export interface ClaimListing {
  id: string;
  document: string;
  start: number;
  end: number;
  exact: string;
  statement: string | null;
  tags: string[];
  suggestedTags: string[];
  reviewerTags: { tag: string; reviewer: string }[];
  status: string;
  /** How the claim stands on its document's current version (unchanged when never carried over). */
  anchor: string;
}

/** Every live claim, in document then reading order, with curated and reviewers' tags. */
export async function listClaims(db: Db): Promise<ClaimListing[]> {
  const claims = await db.claim.findMany({
    where: { deletedAt: null },
    orderBy: [{ document: { fileName: "asc" } }, { start: "asc" }, { end: "desc" }],
    include: {
      document: { select: { fileName: true } },
      suggestedTags: { include: { tag: { select: { slug: true } } } },
      tags: { include: { tag: { select: { slug: true } }, reviewer: { select: { email: true } } } },
    },
  });
  return claims.map((c) => {
    const suggestedTags = c.suggestedTags.map((s) => s.tag.slug).sort();
    const reviewerTags = c.tags
      .map((t) => ({ tag: t.tag.slug, reviewer: t.reviewer.email }))
      .sort((a, b) => a.reviewer.localeCompare(b.reviewer) || a.tag.localeCompare(b.tag));
    return {
      id: c.id,
      document: c.document.fileName,
      start: c.start,
      end: c.end,
      exact: c.exact,
      statement: c.statement,
      tags: [...new Set([...suggestedTags, ...reviewerTags.map((t) => t.tag)])].sort(),
      suggestedTags,
      reviewerTags,
      status: c.status,
      anchor: c.anchorState ?? "unchanged",
    };
  });
}
