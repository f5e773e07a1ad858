import "server-only";
import { countClaim, emptyTagCounts, type TagCounts } from "../tags/counting-rule";
import type { ClaimForReading } from "./claim-reads";
import { readDocumentClaims } from "./claim-set-read";
import type { Db } from "./client";
import { claimsFromTagRows, type TagRow } from "./tag-rows";

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
  const tagged = claimsFromTagRows(tagRows);
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

/** What the document page renders on the server: no claims (the reading view fetches those after first paint). */
export interface DocumentPage extends DocumentMetadata {
  id: string;
  sourceUrl: string | null;
  text: string;
  sha256: string;
  /** Live claims anchored on the current text: the footer's total. */
  liveClaimCount: number;
  versionNumber: number;
  /** How the claims were carried over to the current version, when it is not the first. */
  versionReport: { unchanged: number; moved: number; fuzzy: number; orphaned: number } | null;
  anchorQueue: AnchorQueueItem[];
}

export interface DocumentForReading extends DocumentPage {
  /** Claims anchored on the current text (an orphaned claim's offsets point into an old text, so it is not here). */
  claims: ClaimForReading[];
}

/**
 * One document as its page shows it before the claims arrive: text, metadata, the anchor
 * queue (a few claims) and the live-claim count, in a handful of small queries whatever the
 * claim count.
 */
export async function getDocumentPage(db: Db, slug: string): Promise<DocumentPage | null> {
  const doc = await db.document.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      fileName: true,
      title: true,
      author: true,
      publication: true,
      publishedOn: true,
      sourceUrl: true,
      text: true,
      sha256: true,
      versionNumber: true,
    },
  });
  if (!doc) return null;
  const [current, queue, liveClaimCount] = await Promise.all([
    doc.versionNumber > 1
      ? db.documentVersion.findUnique({
          where: { documentId_number: { documentId: doc.id, number: doc.versionNumber } },
          select: { reanchorReport: true },
        })
      : null,
    db.claim.findMany({
      where: { documentId: doc.id, deletedAt: null, anchorState: { in: ["fuzzy", "orphaned"] } },
      orderBy: [{ start: "asc" }, { end: "desc" }],
      select: { id: true, version: true, anchorState: true, exact: true, start: true, end: true },
    }),
    db.claim.count({ where: { documentId: doc.id, deletedAt: null, textHash: doc.sha256 } }),
  ]);
  return {
    ...doc,
    liveClaimCount,
    versionReport: current?.reanchorReport ? JSON.parse(current.reanchorReport) : null,
    anchorQueue: queue.map(({ anchorState, ...c }) => ({ ...c, state: anchorState as "fuzzy" | "orphaned" })),
  };
}

/** A document with every claim: the page's data and the claim set together (tests, scripts). */
export async function getDocumentForReading(db: Db, slug: string): Promise<DocumentForReading | null> {
  const page = await getDocumentPage(db, slug);
  return page && { ...page, claims: await readDocumentClaims(db, page.id, page.sha256) };
}

/** A document's id and text hash by slug (what a claim read needs), or null. */
export function findDocumentHeader(db: Db, slug: string): Promise<{ id: string; sha256: string } | null> {
  return db.document.findUnique({ where: { slug }, select: { id: true, sha256: true } });
}
