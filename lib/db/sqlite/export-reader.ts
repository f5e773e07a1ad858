import "server-only";
import Database from "better-sqlite3";
import type { ClaimTagRow, ExportClaim } from "../../export/model";
import {
  ClaimAssembler,
  type ClaimRow,
  type ExportReader,
  type NoteRow,
  type NumberingRow,
  type SuggestedRow,
  type TagRow,
  toDate,
  type VerdictRow,
} from "../export-reader";
import { BUSY_TIMEOUT_MS } from "../sqlite-adapter";

// One statement per table, each over the document's live claims in the same reading order
// (start ↑, end ↓, id ↑; a total order, since ids are unique), so the rows of every table
// arrive grouped by claim and in claim order: a merge walks them side by side, one claim at
// a time, and nothing but the current claim's rows is held in memory.
const READING_ORDER = `c."start" ASC, c."end" DESC, c."id" ASC`;

const CLAIMS = `SELECT c."id", c."seedKey", c."start", c."end", c."exact", c."prefix", c."suffix",
    c."paragraphStart", c."paragraphEnd", c."statement", c."kind", c."status", c."createdAt", c."updatedAt",
    u."id" AS "creatorId", u."email" AS "creatorEmail", u."name" AS "creatorName"
  FROM "Claim" c LEFT JOIN "User" u ON u."id" = c."createdById"
  WHERE c."documentId" = ? AND c."deletedAt" IS NULL
  ORDER BY ${READING_ORDER}`;

const statements = {
  claims: CLAIMS,
  tags: `SELECT t."claimId", g."slug" AS "tag", t."createdAt", u."id" AS "reviewerId", u."email", u."name"
    FROM "Claim" c JOIN "ClaimTag" t ON t."claimId" = c."id" JOIN "Tag" g ON g."id" = t."tagId"
    JOIN "User" u ON u."id" = t."reviewerId"
    WHERE c."documentId" = ? AND c."deletedAt" IS NULL ORDER BY ${READING_ORDER}`,
  suggested: `SELECT s."claimId", g."slug" AS "tag"
    FROM "Claim" c JOIN "SuggestedTag" s ON s."claimId" = c."id" JOIN "Tag" g ON g."id" = s."tagId"
    WHERE c."documentId" = ? AND c."deletedAt" IS NULL ORDER BY ${READING_ORDER}`,
  notes: `SELECT n."claimId", n."id", n."parentId", n."body", n."createdAt", n."updatedAt", n."deletedAt",
      u."id" AS "authorId", u."email" AS "authorEmail", u."name" AS "authorName"
    FROM "Claim" c JOIN "Note" n ON n."claimId" = c."id" JOIN "User" u ON u."id" = n."authorId"
    WHERE c."documentId" = ? AND c."deletedAt" IS NULL ORDER BY ${READING_ORDER}, n."createdAt" ASC, n."id" ASC`,
  verdicts: `SELECT a."claimId", g."slug" AS "tag", a."status", a."reason", a."updatedAt",
      u."id" AS "curatorId", u."email", u."name"
    FROM "Claim" c JOIN "Adjudication" a ON a."claimId" = c."id" JOIN "User" u ON u."id" = a."curatorId"
    LEFT JOIN "FinalTag" f ON f."claimId" = a."claimId" LEFT JOIN "Tag" g ON g."id" = f."tagId"
    WHERE c."documentId" = ? AND c."deletedAt" IS NULL ORDER BY ${READING_ORDER}`,
  claimKeys: `SELECT c."id" FROM "Claim" c WHERE c."documentId" = ? AND c."deletedAt" IS NULL ORDER BY ${READING_ORDER}`,
  reviewerTags: `SELECT t."claimId", g."slug" AS "tag", t."reviewerId"
    FROM "Claim" c JOIN "ClaimTag" t ON t."claimId" = c."id" JOIN "Tag" g ON g."id" = t."tagId"
    WHERE c."documentId" = ? AND c."deletedAt" IS NULL ORDER BY ${READING_ORDER}`,
  numbering: `SELECT c."id", c."start", c."end", c."createdAt", c."textHash" = d."sha256" AS "current"
    FROM "Claim" c JOIN "Document" d ON d."id" = c."documentId" WHERE c."documentId" = ?`,
} as const;

const NONE: never[] = [];

/** An iterator over rows grouped by claim: `take(id)` returns the rows of that claim, which must come next. */
class Grouped<R extends { claimId: string }> {
  #head: R | undefined;
  readonly #rows: Iterator<R>;

  constructor(rows: Iterable<R>) {
    this.#rows = rows[Symbol.iterator]();
    this.#head = this.#rows.next().value;
  }

  take(claimId: string): R[] {
    if (this.#head?.claimId !== claimId) return NONE;
    const out: R[] = [];
    while (this.#head?.claimId === claimId) {
      out.push(this.#head);
      this.#head = this.#rows.next().value;
    }
    return out;
  }

  close(): void {
    this.#rows.return?.();
  }
}

/**
 * The exports' read on SQLite: its own read-only better-sqlite3 connection holding one read
 * transaction (in WAL mode, a snapshot: writers go on, the export sees none of their commits).
 */
export async function openSqliteExportReader(url: string): Promise<ExportReader> {
  const file = url.slice("file:".length);
  const conn = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  conn.exec("BEGIN");
  // A WAL snapshot starts at the transaction's first read.
  conn.prepare(`SELECT count(*) FROM "Claim" WHERE 0`).get();
  const prepared = Object.fromEntries(
    Object.entries(statements).map(([name, sql]) => [name, conn.prepare(sql)]),
  ) as Record<keyof typeof statements, Database.Statement>;
  const assembler = new ClaimAssembler();

  function* claims(documentId: string): Generator<ExportClaim> {
    const tags = new Grouped(prepared.tags.iterate(documentId) as Iterable<TagRow>);
    const suggested = new Grouped(prepared.suggested.iterate(documentId) as Iterable<SuggestedRow>);
    const notes = new Grouped(prepared.notes.iterate(documentId) as Iterable<NoteRow>);
    const verdicts = new Grouped(prepared.verdicts.iterate(documentId) as Iterable<VerdictRow>);
    try {
      for (const c of prepared.claims.iterate(documentId) as Iterable<ClaimRow>) {
        yield assembler.claim(c, {
          tags: tags.take(c.id),
          suggested: suggested.take(c.id),
          notes: notes.take(c.id),
          verdict: verdicts.take(c.id),
        });
      }
    } finally {
      for (const g of [tags, suggested, notes, verdicts]) g.close();
    }
  }

  function* claimTags(documentId: string): Generator<ClaimTagRow> {
    const tags = new Grouped(prepared.reviewerTags.iterate(documentId) as Iterable<TagRow>);
    const suggested = new Grouped(prepared.suggested.iterate(documentId) as Iterable<SuggestedRow>);
    const verdicts = new Grouped(prepared.verdicts.iterate(documentId) as Iterable<VerdictRow>);
    try {
      for (const { id } of prepared.claimKeys.iterate(documentId) as Iterable<{ id: string }>)
        yield assembler.claimTags(id, tags.take(id), suggested.take(id), verdicts.take(id));
    } finally {
      for (const g of [tags, suggested, verdicts]) g.close();
    }
  }

  return {
    claims,
    claimTags,
    async numbering(documentId) {
      const current: NumberingRow[] = [];
      const other: NumberingRow[] = [];
      for (const r of prepared.numbering.iterate(documentId) as Iterable<NumberingRow & { current: number }>)
        (r.current ? current : other).push({ id: r.id, start: r.start, end: r.end, createdAt: toDate(r.createdAt) });
      return { current, other };
    },
    async close() {
      if (!conn.open) return;
      if (conn.inTransaction) conn.exec("COMMIT");
      conn.close();
    },
  };
}
