import "server-only";
import { countClaim, emptyTagCounts, type TagCounts, type TaggedClaim } from "../tags/counting-rule";
import { type ClaimForReading, claimForReadingInclude, toClaimForReading } from "./claim-reads";
import type { Db } from "./client";

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
  /** Live claims per final tag (lib/tags/counting-rule.ts: the exports' rule too), by tag slug. */
  tagCounts: Record<string, number>;
}

/** One tag of a live claim: suggested (kind "s"), a reviewer's ("r") or a verdict's ("f"; tag null for a verdict of no tags). */
type TagRow = {
  documentId: string;
  claimId: string;
  kind: "s" | "r" | "f";
  tag: string | null;
  reviewerId: string | null;
};

/**
 * Every document with its live-claim count and per-tag counts. The tags of live claims come
 * in one query (suggested and reviewers' rows, a few per claim) and are counted claim by claim
 * by the one counting rule, so the list says what the document's report says.
 */
export async function listDocumentSummaries(db: Db): Promise<DocumentSummary[]> {
  const [documents, claimCounts, tagRows] = await Promise.all([
    db.document.findMany({
      orderBy: { fileName: "asc" },
      select: { id: true, slug: true, fileName: true, title: true, author: true, publication: true, publishedOn: true },
    }),
    db.claim.groupBy({ by: ["documentId"], where: { deletedAt: null }, _count: { _all: true } }),
    db.$queryRaw<TagRow[]>`
      SELECT c."documentId" AS "documentId", c."id" AS "claimId", ct."kind" AS "kind", t."slug" AS "tag",
        ct."reviewerId" AS "reviewerId"
      FROM (SELECT "claimId", "tagId", 's' AS "kind", NULL AS "reviewerId" FROM "SuggestedTag"
            UNION ALL SELECT "claimId", "tagId", 'r' AS "kind", "reviewerId" FROM "ClaimTag"
            UNION ALL SELECT a."claimId", f."tagId", 'f' AS "kind", NULL AS "reviewerId"
              FROM "Adjudication" a LEFT JOIN "FinalTag" f ON f."claimId" = a."claimId") ct
      JOIN "Claim" c ON c."id" = ct."claimId" AND c."deletedAt" IS NULL
      LEFT JOIN "Tag" t ON t."id" = ct."tagId"`,
  ]);
  const claimsOf = new Map(claimCounts.map((c) => [c.documentId, c._count._all]));
  const tagged = new Map<string, { documentId: string; finalTags?: string[] } & TaggedClaim>();
  for (const row of tagRows) {
    let claim = tagged.get(row.claimId);
    if (!claim) {
      claim = { documentId: row.documentId, suggestedTags: [], reviewerTags: [] };
      tagged.set(row.claimId, claim);
    }
    if (row.kind === "f") {
      claim.finalTags ??= [];
      if (row.tag !== null) (claim.finalTags as string[]).push(row.tag);
    } else if (row.tag === null) continue;
    else if (row.kind === "s") claim.suggestedTags.push(row.tag);
    else claim.reviewerTags.push({ tag: row.tag, reviewerId: row.reviewerId! });
  }
  const countsOf = new Map<string, TagCounts>();
  for (const claim of tagged.values()) {
    const counts = countsOf.get(claim.documentId) ?? emptyTagCounts();
    countClaim(counts, claim);
    countsOf.set(claim.documentId, counts);
  }
  return documents.map(({ id, ...metadata }) => ({
    ...metadata,
    claimCount: claimsOf.get(id) ?? 0,
    tagCounts: countsOf.get(id)?.byTag ?? {},
  }));
}

/** A claim a new version left for a reviewer to settle: confirm, re-select or retire. */
export interface AnchorQueueItem {
  id: string;
  version: number;
  state: "fuzzy" | "orphaned";
  /** The quote as it now stands (fuzzy) or as it stood on the old text (orphaned). */
  exact: string;
  start: number;
  end: number;
}

/** One document's metadata by slug, or null. */
export function getDocumentMetadata(db: Db, slug: string): Promise<DocumentMetadata | null> {
  return db.document.findUnique({
    where: { slug },
    select: { slug: true, fileName: true, title: true, author: true, publication: true, publishedOn: true },
  });
}

export interface DocumentForReading extends DocumentMetadata {
  id: string;
  sourceUrl: string | null;
  text: string;
  sha256: string;
  /** Claims anchored on the current text (an orphaned claim's offsets point into an old text, so it is not here). */
  claims: ClaimForReading[];
  versionNumber: number;
  /** How the claims were carried over to the current version, when it is not the first. */
  versionReport: { unchanged: number; moved: number; fuzzy: number; orphaned: number } | null;
  anchorQueue: AnchorQueueItem[];
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
  const current =
    doc.versionNumber > 1
      ? await db.documentVersion.findUnique({
          where: { documentId_number: { documentId: doc.id, number: doc.versionNumber } },
          select: { reanchorReport: true },
        })
      : null;
  const anchorQueue = doc.claims
    .filter((c) => c.deletedAt === null && (c.anchorState === "fuzzy" || c.anchorState === "orphaned"))
    .map((c) => ({
      id: c.id,
      version: c.version,
      state: c.anchorState as "fuzzy" | "orphaned",
      exact: c.exact,
      start: c.start,
      end: c.end,
    }));
  return {
    id: doc.id,
    slug: doc.slug,
    fileName: doc.fileName,
    title: doc.title,
    author: doc.author,
    publication: doc.publication,
    publishedOn: doc.publishedOn,
    sourceUrl: doc.sourceUrl,
    text: doc.text,
    sha256: doc.sha256,
    claims: doc.claims.filter((c) => c.textHash === doc.sha256).map(toClaimForReading),
    versionNumber: doc.versionNumber,
    versionReport: current?.reanchorReport ? JSON.parse(current.reanchorReport) : null,
    anchorQueue,
  };
}
