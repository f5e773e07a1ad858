import "server-only";
import type { ClaimForReading, ReviewerTag } from "./claim-reads";
import type { Db } from "./client";
import { type RawDate, toDate } from "./export-reader";

// A document's whole claim set for its reading view, in five set-based statements (claims,
// then each relation for all of them) instead of Prisma's per-relation loading: at 10,000
// claims Prisma's include took about 550 ms of server CPU, most of it mapping nested results.
// The SQL is written once for both engines: quoted identifiers, no engine-specific functions.

/** A claim's own columns: the reading shape's scalar fields, with its dates as the driver returns them. */
type ClaimRow = Pick<
  ClaimForReading,
  "id" | "start" | "end" | "exact" | "statement" | "kind" | "status" | "version"
> & {
  deletedAt: RawDate | null;
  createdAt: RawDate;
};

interface SlugRow {
  claimId: string;
  tag: string;
}

interface ReviewerTagRow extends SlugRow {
  reviewerId: string;
  reviewerName: string;
}

interface VerdictRow {
  claimId: string;
  reason: string;
  tag: string | null;
}

/** Every claim anchored on the document's current text (deleted ones too), in reading order. */
export async function readDocumentClaims(db: Db, documentId: string, sha256: string): Promise<ClaimForReading[]> {
  const [claims, suggested, reviewed, notes, verdicts] = await Promise.all([
    db.$queryRaw<ClaimRow[]>`
      SELECT "id", "start", "end", "exact", "statement", "kind", "status", "version", "deletedAt", "createdAt"
      FROM "Claim" WHERE "documentId" = ${documentId} AND "textHash" = ${sha256}
      ORDER BY "start" ASC, "end" DESC`,
    db.$queryRaw<SlugRow[]>`
      SELECT x."claimId" AS "claimId", t."slug" AS "tag"
      FROM "Claim" c JOIN "SuggestedTag" x ON x."claimId" = c."id" JOIN "Tag" t ON t."id" = x."tagId"
      WHERE c."documentId" = ${documentId} AND c."textHash" = ${sha256}
      ORDER BY t."slug"`,
    db.$queryRaw<ReviewerTagRow[]>`
      SELECT x."claimId" AS "claimId", t."slug" AS "tag", u."id" AS "reviewerId", u."name" AS "reviewerName"
      FROM "Claim" c JOIN "ClaimTag" x ON x."claimId" = c."id" JOIN "Tag" t ON t."id" = x."tagId"
        JOIN "User" u ON u."id" = x."reviewerId"
      WHERE c."documentId" = ${documentId} AND c."textHash" = ${sha256}
      ORDER BY x."createdAt", t."slug"`,
    db.$queryRaw<{ claimId: string; count: number | bigint }[]>`
      SELECT n."claimId" AS "claimId", COUNT(*) AS "count"
      FROM "Claim" c JOIN "Note" n ON n."claimId" = c."id"
      WHERE c."documentId" = ${documentId} AND c."textHash" = ${sha256} AND n."deletedAt" IS NULL
      GROUP BY n."claimId"`,
    db.$queryRaw<VerdictRow[]>`
      SELECT a."claimId" AS "claimId", a."reason" AS "reason", t."slug" AS "tag"
      FROM "Claim" c JOIN "Adjudication" a ON a."claimId" = c."id"
        LEFT JOIN "FinalTag" f ON f."claimId" = a."claimId" LEFT JOIN "Tag" t ON t."id" = f."tagId"
      WHERE c."documentId" = ${documentId} AND c."textHash" = ${sha256}`,
  ]);
  const suggestedOf = groupBy(suggested, (r) => r.tag);
  const reviewedOf = groupBy(
    reviewed,
    (r): ReviewerTag => ({ tag: r.tag, reviewerId: r.reviewerId, reviewerName: r.reviewerName }),
  );
  const noteCountOf = new Map(notes.map((r) => [r.claimId, Number(r.count)]));
  const verdictOf = new Map<string, { tags: string[]; reason: string }>();
  for (const r of verdicts) {
    let verdict = verdictOf.get(r.claimId);
    if (!verdict) {
      verdict = { tags: [], reason: r.reason };
      verdictOf.set(r.claimId, verdict);
    }
    if (r.tag !== null) verdict.tags.push(r.tag);
  }
  for (const verdict of verdictOf.values()) verdict.tags.sort();
  return claims.map((c) => ({
    id: c.id,
    start: c.start,
    end: c.end,
    exact: c.exact,
    statement: c.statement,
    kind: c.kind,
    status: c.status,
    version: Number(c.version),
    deleted: c.deletedAt !== null,
    suggestedTags: suggestedOf.get(c.id) ?? [],
    reviewerTags: reviewedOf.get(c.id) ?? [],
    noteCount: noteCountOf.get(c.id) ?? 0,
    createdAt: toDate(c.createdAt).toISOString(),
    verdict: verdictOf.get(c.id) ?? null,
  }));
}

function groupBy<R extends { claimId: string }, T>(rows: readonly R[], value: (row: R) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.claimId);
    if (group) group.push(value(row));
    else groups.set(row.claimId, [value(row)]);
  }
  return groups;
}
