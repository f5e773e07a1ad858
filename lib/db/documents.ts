import type { Db } from "./client";
import { claimForReadingInclude, toClaimForReading, type ClaimForReading } from "./claim-reads";

export type { ClaimForReading };

/** What a document says about itself, as shown in lists and headers. */
export interface DocumentMetadata {
  slug: string;
  fileName: string;
  title: string;
  author: string | null;
  publication: string | null;
  publishedOn: string | null;
}

export interface DocumentSummary extends DocumentMetadata {
  claimCount: number;
  /** Live claims carrying each tag (curated or applied by any reviewer), by tag slug. */
  tagCounts: Record<string, number>;
}

export async function listDocumentSummaries(db: Db): Promise<DocumentSummary[]> {
  const documents = await db.document.findMany({
    orderBy: { fileName: "asc" },
    include: {
      claims: {
        where: { deletedAt: null },
        select: { suggestedTags: { select: { tag: { select: { slug: true } } } }, tags: { select: { tag: { select: { slug: true } } } } },
      },
    },
  });
  return documents.map((d) => {
    const tagCounts: Record<string, number> = {};
    for (const claim of d.claims) {
      const slugs = new Set([...claim.suggestedTags, ...claim.tags].map((t) => t.tag.slug));
      for (const slug of slugs) tagCounts[slug] = (tagCounts[slug] ?? 0) + 1;
    }
    return { slug: d.slug, fileName: d.fileName, title: d.title, author: d.author, publication: d.publication, publishedOn: d.publishedOn, claimCount: d.claims.length, tagCounts };
  });
}

export interface DocumentForReading extends DocumentMetadata {
  id: string;
  text: string;
  sha256: string;
  claims: ClaimForReading[];
}

/**
 * A document with its claims in reading order (outer claims before the ones nested in
 * them), deleted ones included and flagged so they can be restored.
 */
export async function getDocumentForReading(db: Db, slug: string): Promise<DocumentForReading | null> {
  const doc = await db.document.findUnique({
    where: { slug },
    include: {
      claims: {
        orderBy: [{ start: "asc" }, { end: "desc" }],
        include: claimForReadingInclude,
      },
    },
  });
  if (!doc) return null;
  return {
    id: doc.id,
    slug: doc.slug,
    fileName: doc.fileName,
    title: doc.title,
    author: doc.author,
    publication: doc.publication,
    publishedOn: doc.publishedOn,
    text: doc.text,
    sha256: doc.sha256,
    claims: doc.claims.map(toClaimForReading),
  };
}
