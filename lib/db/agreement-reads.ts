import "server-only";
import type { Db } from "./client";
import { Prisma } from "./generated/client";

/** One reviewer's tag on one live claim, with the claim's document: the whole input of the agreement figures. */
export interface AgreementTagRow {
  claimId: string;
  documentId: string;
  reviewerId: string;
  tag: string;
}

/**
 * Every reviewer tag on live claims (of one document, or all), in one set-based query.
 * Claims nobody tagged are counted separately: they carry no judgement.
 */
export function readAgreementTags(db: Db, documentId: string | null): Promise<AgreementTagRow[]> {
  const onDocument = documentId ? Prisma.sql`AND c."documentId" = ${documentId}` : Prisma.empty;
  return db.$queryRaw<AgreementTagRow[]>`
    SELECT t."claimId", c."documentId", t."reviewerId", g."slug" AS "tag"
    FROM "ClaimTag" t
    JOIN "Claim" c ON c."id" = t."claimId"
    JOIN "Tag" g ON g."id" = t."tagId"
    WHERE c."deletedAt" IS NULL ${onDocument}`;
}

/** Live claims per document, so the figures can say "n of N claims". */
export async function countClaimsByDocument(db: Db, documentId: string | null): Promise<Map<string, number>> {
  const rows = await db.claim.groupBy({
    by: ["documentId"],
    where: { deletedAt: null, ...(documentId ? { documentId } : {}) },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.documentId, r._count._all]));
}

export interface AgreementDocument {
  id: string;
  slug: string;
  fileName: string;
  title: string;
  independentReview: boolean;
}

export function listAgreementDocuments(db: Db): Promise<AgreementDocument[]> {
  return db.document.findMany({
    orderBy: { fileName: "asc" },
    select: { id: true, slug: true, fileName: true, title: true, independentReview: true },
  });
}

export function findAgreementDocument(db: Db, slugOrFileName: string): Promise<AgreementDocument | null> {
  return db.document.findFirst({
    where: { OR: [{ slug: slugOrFileName }, { fileName: slugOrFileName }] },
    select: { id: true, slug: true, fileName: true, title: true, independentReview: true },
  });
}

/** Names of the reviewers the figures mention (ids → display name). */
export async function reviewerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** What the most-disagreed list shows of a claim: its passage and where it lives. */
export async function claimExcerpts(
  db: Db,
  ids: string[],
): Promise<Map<string, { exact: string; documentSlug: string; documentTitle: string }>> {
  const rows = await db.claim.findMany({
    where: { id: { in: ids } },
    select: { id: true, exact: true, document: { select: { slug: true, title: true } } },
  });
  return new Map(
    rows.map((r) => [r.id, { exact: r.exact, documentSlug: r.document.slug, documentTitle: r.document.title }]),
  );
}
