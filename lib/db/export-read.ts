import "server-only";
import type {
  ClaimTagRow,
  ExportClaim,
  ExportDocument,
  ExportDocumentHeader,
  ExportPerson,
  ExportTag,
  ExportVerdict,
} from "../export/model";
import type { Db } from "./client";
import { Prisma } from "./generated/client";

/** Where a page of claims starts: after this claim in reading order (start ↑, end ↓, id ↑). */
export interface ClaimCursor {
  start: number;
  end: number;
  id: string;
}

export function listExportTags(db: Db): Promise<ExportTag[]> {
  return db.tag.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: { slug: true, label: true, letter: true, color: true, shortcut: true, description: true, position: true },
  });
}

const header = {
  id: true,
  fileName: true,
  slug: true,
  title: true,
  author: true,
  publication: true,
  publishedOn: true,
  sha256: true,
} as const;

/** Documents in file-name order; all of them when `ids` is null. */
export function listExportDocuments(db: Db, ids: string[] | null): Promise<ExportDocumentHeader[]> {
  return db.document.findMany({ where: ids ? { id: { in: ids } } : {}, orderBy: { fileName: "asc" }, select: header });
}

/** A document found by its slug or its file name. */
export function findExportDocument(db: Db, slugOrFileName: string): Promise<ExportDocumentHeader | null> {
  return db.document.findFirst({
    where: { OR: [{ slug: slugOrFileName }, { fileName: slugOrFileName }] },
    select: header,
  });
}

export async function readExportDocument(db: Db, id: string): Promise<ExportDocument> {
  return db.document.findUniqueOrThrow({ where: { id }, select: { ...header, text: true } });
}

/**
 * What numbers a document's claims (lib/claims/numbering.ts): every claim the annotator
 * lists — anchored on the current text, deleted ones included — then any other (orphaned by
 * a new version), which the annotator does not show, so their numbers follow.
 */
export async function readClaimNumbering(db: Db, documentId: string) {
  const doc = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { sha256: true } });
  const claims = await db.claim.findMany({
    where: { documentId },
    select: { id: true, start: true, end: true, createdAt: true, textHash: true },
  });
  return {
    current: claims.filter((c) => c.textHash === doc.sha256),
    other: claims.filter((c) => c.textHash !== doc.sha256),
  };
}

export function countLiveClaims(db: Db, documentIds: string[] | null): Promise<number> {
  return db.claim.count({ where: { deletedAt: null, ...(documentIds ? { documentId: { in: documentIds } } : {}) } });
}

// The claim pages below are read with a few set-based raw queries (claims, then their tags,
// suggested tags and notes by claim id) instead of Prisma's relation loads: at 100k claims
// the mapping of nested model results, not SQLite, was the limit of every export. The SQL
// quotes every identifier, so it reads the same on SQLite and PostgreSQL.

type ClaimRow = Omit<ExportClaim, "suggestedTags" | "tags" | "notes" | "createdBy"> & {
  creatorId: string | null;
  creatorEmail: string | null;
  creatorName: string | null;
};

/** Claims after the cursor in reading order: start ↑, end ↓, id ↑ (the (documentId, start) index serves it). */
function claimsAfter(documentId: string, cursor: ClaimCursor | null, take: number, columns: Prisma.Sql) {
  const after = cursor
    ? Prisma.sql`AND (c."start" > ${cursor.start}
        OR (c."start" = ${cursor.start} AND c."end" < ${cursor.end})
        OR (c."start" = ${cursor.start} AND c."end" = ${cursor.end} AND c."id" > ${cursor.id}))`
    : Prisma.empty;
  return Prisma.sql`SELECT ${columns} FROM "Claim" c
    LEFT JOIN "User" u ON u."id" = c."createdById"
    WHERE c."documentId" = ${documentId} AND c."deletedAt" IS NULL ${after}
    ORDER BY c."start" ASC, c."end" DESC, c."id" ASC
    LIMIT ${take}`;
}

const CLAIM_COLUMNS = Prisma.sql`c."id", c."seedKey", c."start", c."end", c."exact", c."prefix", c."suffix",
  c."paragraphStart", c."paragraphEnd", c."statement", c."kind", c."status", c."createdAt", c."updatedAt",
  u."id" AS "creatorId", u."email" AS "creatorEmail", u."name" AS "creatorName"`;

/** Rows grouped by claim id, in the order the query returned them. */
function byClaim<R extends { claimId: string }>(rows: R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const row of rows) {
    const list = out.get(row.claimId);
    if (list) list.push(row);
    else out.set(row.claimId, [row]);
  }
  return out;
}

type TagRow = { claimId: string; tag: string; createdAt: Date; id: string; email: string; name: string };

/**
 * The verdicts on some claims, with their final tags sorted; a verdict of "no tag" has [].
 * Claims without a verdict are absent (their consensus is the majority rule).
 */
async function readVerdicts(db: Db, ids: Prisma.Sql): Promise<Map<string, ExportVerdict>> {
  const rows = await db.$queryRaw<
    {
      claimId: string;
      tag: string | null;
      status: string;
      reason: string;
      updatedAt: Date;
      id: string;
      email: string;
      name: string;
    }[]
  >`
    SELECT a."claimId", g."slug" AS "tag", a."status", a."reason", a."updatedAt", u."id", u."email", u."name"
    FROM "Adjudication" a JOIN "User" u ON u."id" = a."curatorId"
    LEFT JOIN "FinalTag" f ON f."claimId" = a."claimId" LEFT JOIN "Tag" g ON g."id" = f."tagId"
    WHERE a."claimId" IN (${ids})`;
  const out = new Map<string, ExportVerdict>();
  for (const r of rows) {
    let verdict = out.get(r.claimId);
    if (!verdict) {
      verdict = {
        tags: [],
        status: r.status,
        reason: r.reason,
        curator: { id: r.id, email: r.email, name: r.name },
        updatedAt: r.updatedAt,
      };
      out.set(r.claimId, verdict);
    }
    if (r.tag !== null) verdict.tags.push(r.tag);
  }
  for (const v of out.values()) v.tags.sort(compare);
  return out;
}
type SuggestedRow = { claimId: string; tag: string };
type NoteRow = {
  claimId: string;
  id: string;
  parentId: string | null;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  authorId: string;
  authorEmail: string;
  authorName: string;
};

/** One page of a document's live claims in reading order, with tags, live notes and people. */
export async function readClaimPage(
  db: Db,
  documentId: string,
  cursor: ClaimCursor | null,
  take: number,
): Promise<ExportClaim[]> {
  const claims = await db.$queryRaw<ClaimRow[]>(claimsAfter(documentId, cursor, take, CLAIM_COLUMNS));
  if (claims.length === 0) return [];
  const ids = Prisma.join(claims.map((c) => c.id));
  const [tagRows, suggestedRows, noteRows, verdicts] = await Promise.all([
    db.$queryRaw<TagRow[]>`SELECT t."claimId", g."slug" AS "tag", t."createdAt", u."id", u."email", u."name"
      FROM "ClaimTag" t JOIN "Tag" g ON g."id" = t."tagId" JOIN "User" u ON u."id" = t."reviewerId"
      WHERE t."claimId" IN (${ids})`,
    db.$queryRaw<SuggestedRow[]>`SELECT s."claimId", g."slug" AS "tag"
      FROM "SuggestedTag" s JOIN "Tag" g ON g."id" = s."tagId"
      WHERE s."claimId" IN (${ids})`,
    db.$queryRaw<NoteRow[]>`SELECT n."claimId", n."id", n."parentId", n."body", n."createdAt", n."updatedAt",
        n."deletedAt", u."id" AS "authorId", u."email" AS "authorEmail", u."name" AS "authorName"
      FROM "Note" n JOIN "User" u ON u."id" = n."authorId"
      WHERE n."claimId" IN (${ids})
      ORDER BY n."createdAt" ASC, n."id" ASC`,
    readVerdicts(db, ids),
  ]);
  const tags = byClaim(tagRows);
  const suggested = byClaim(suggestedRows);
  const notes = byClaim(noteRows);
  return claims.map((c) => ({
    id: c.id,
    seedKey: c.seedKey,
    start: c.start,
    end: c.end,
    exact: c.exact,
    prefix: c.prefix,
    suffix: c.suffix,
    paragraphStart: c.paragraphStart,
    paragraphEnd: c.paragraphEnd,
    statement: c.statement,
    kind: c.kind,
    status: c.status,
    suggestedTags: (suggested.get(c.id) ?? []).map((s) => s.tag).sort(),
    tags: (tags.get(c.id) ?? [])
      .map((t) => ({ tag: t.tag, reviewer: { id: t.id, email: t.email, name: t.name }, createdAt: t.createdAt }))
      .sort((a, b) => compare(a.reviewer.email, b.reviewer.email) || compare(a.tag, b.tag)),
    verdict: verdicts.get(c.id) ?? null,
    notes: liveNotes(
      (notes.get(c.id) ?? []).map((n) => ({
        ...n,
        author: { id: n.authorId, email: n.authorEmail, name: n.authorName },
      })),
    ),
    createdBy: c.creatorId ? { id: c.creatorId, email: c.creatorEmail!, name: c.creatorName! } : null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  }));
}

/** One page of a document's live claims with only their tags, for the summary table. */
export async function readClaimTagPage(
  db: Db,
  documentId: string,
  cursor: ClaimCursor | null,
  take: number,
): Promise<(ClaimTagRow & ClaimCursor)[]> {
  const claims = await db.$queryRaw<ClaimCursor[]>(
    claimsAfter(documentId, cursor, take, Prisma.sql`c."id", c."start", c."end"`),
  );
  if (claims.length === 0) return [];
  const ids = Prisma.join(claims.map((c) => c.id));
  const [tagRows, suggestedRows, verdicts] = await Promise.all([
    db.$queryRaw<{ claimId: string; tag: string; reviewerId: string }[]>`
      SELECT t."claimId", g."slug" AS "tag", t."reviewerId"
      FROM "ClaimTag" t JOIN "Tag" g ON g."id" = t."tagId" WHERE t."claimId" IN (${ids})`,
    db.$queryRaw<SuggestedRow[]>`SELECT s."claimId", g."slug" AS "tag"
      FROM "SuggestedTag" s JOIN "Tag" g ON g."id" = s."tagId" WHERE s."claimId" IN (${ids})`,
    readVerdicts(db, ids),
  ]);
  const tags = byClaim(tagRows);
  const suggested = byClaim(suggestedRows);
  return claims.map((c) => ({
    id: c.id,
    start: c.start,
    end: c.end,
    suggestedTags: (suggested.get(c.id) ?? []).map((s) => s.tag),
    reviewerTags: (tags.get(c.id) ?? []).map((t) => ({ tag: t.tag, reviewerId: t.reviewerId })),
    finalTags: verdicts.get(c.id)?.tags ?? null,
  }));
}

/**
 * The live notes of a claim. A reply to a deleted note is re-attached to its nearest live
 * ancestor (or becomes a thread of its own), so every exported parentId points at an exported note.
 */
function liveNotes<
  N extends {
    id: string;
    parentId: string | null;
    deletedAt: Date | null;
    author: ExportPerson;
    body: string;
    createdAt: Date;
    updatedAt: Date;
  },
>(notes: N[]) {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const liveAncestor = (id: string | null): string | null => {
    const seen = new Set<string>();
    for (
      let n = id ? byId.get(id) : undefined;
      n && !seen.has(n.id);
      n = n.parentId ? byId.get(n.parentId) : undefined
    ) {
      if (!n.deletedAt) return n.id;
      seen.add(n.id);
    }
    return null;
  };
  return notes
    .filter((n) => !n.deletedAt)
    .map((n) => ({
      id: n.id,
      parentId: liveAncestor(n.parentId),
      author: n.author,
      body: n.body,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    }));
}

/** Code-unit order, so the export does not depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
