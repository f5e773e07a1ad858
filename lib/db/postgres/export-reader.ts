import "server-only";
import pg from "pg";
import type { ClaimTagRow, ExportClaim } from "../../export/model";
import {
  ClaimAssembler,
  type ClaimRow,
  type ExportReader,
  type NoteRow,
  type NumberingRow,
  type SuggestedRow,
  type TagRow,
  type VerdictRow,
} from "../export-reader";

/** Claims fetched per round trip from the server-side cursor; their tags and notes follow in one query each. */
const BATCH = 1000;

// Reading order (start ↑, end ↓, id ↑), ids compared byte by byte as SQLite does, so both
// engines list claims that share a span in the same order.
const READING_ORDER = `c."start" ASC, c."end" DESC, c."id" COLLATE "C" ASC`;

const CLAIMS = `SELECT c."id", c."seedKey", c."start", c."end", c."exact", c."prefix", c."suffix",
    c."paragraphStart", c."paragraphEnd", c."statement", c."kind", c."status", c."createdAt", c."updatedAt",
    u."id" AS "creatorId", u."email" AS "creatorEmail", u."name" AS "creatorName"
  FROM "Claim" c LEFT JOIN "User" u ON u."id" = c."createdById"
  WHERE c."documentId" = $1 AND c."deletedAt" IS NULL
  ORDER BY ${READING_ORDER}`;

const CLAIM_KEYS = `SELECT c."id" FROM "Claim" c WHERE c."documentId" = $1 AND c."deletedAt" IS NULL ORDER BY ${READING_ORDER}`;

const TAGS = `SELECT t."claimId", g."slug" AS "tag", t."createdAt", u."id" AS "reviewerId", u."email", u."name"
  FROM "ClaimTag" t JOIN "Tag" g ON g."id" = t."tagId" JOIN "User" u ON u."id" = t."reviewerId"
  WHERE t."claimId" = ANY($1::text[])`;

const SUGGESTED = `SELECT s."claimId", g."slug" AS "tag"
  FROM "SuggestedTag" s JOIN "Tag" g ON g."id" = s."tagId" WHERE s."claimId" = ANY($1::text[])`;

const NOTES = `SELECT n."claimId", n."id", n."parentId", n."body", n."createdAt", n."updatedAt", n."deletedAt",
    u."id" AS "authorId", u."email" AS "authorEmail", u."name" AS "authorName"
  FROM "Note" n JOIN "User" u ON u."id" = n."authorId"
  WHERE n."claimId" = ANY($1::text[]) ORDER BY n."createdAt" ASC, n."id" COLLATE "C" ASC`;

const VERDICTS = `SELECT a."claimId", g."slug" AS "tag", a."status", a."reason", a."updatedAt",
    u."id" AS "curatorId", u."email", u."name"
  FROM "Adjudication" a JOIN "User" u ON u."id" = a."curatorId"
  LEFT JOIN "FinalTag" f ON f."claimId" = a."claimId" LEFT JOIN "Tag" g ON g."id" = f."tagId"
  WHERE a."claimId" = ANY($1::text[])`;

const NUMBERING = `SELECT c."id", c."start", c."end", c."createdAt", c."textHash" = d."sha256" AS "current"
  FROM "Claim" c JOIN "Document" d ON d."id" = c."documentId" WHERE c."documentId" = $1`;

// Prisma stores DateTime as `timestamp(3)` in UTC; node-postgres would read it as local time.
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function byClaim<R extends { claimId: string }>(rows: R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const row of rows) {
    const list = out.get(row.claimId);
    if (list) list.push(row);
    else out.set(row.claimId, [row]);
  }
  return out;
}

/**
 * The exports' read on PostgreSQL: its own connection in one REPEATABLE READ, READ ONLY
 * transaction (one snapshot for the whole export); a document's claims come from a
 * server-side cursor a batch at a time, each batch's tags, notes and verdicts in one query each.
 */
export async function openPostgresExportReader(url: string): Promise<ExportReader> {
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  // The snapshot is taken by the transaction's first statement: now, not at the first claim read.
  await client.query("SELECT 1");
  const assembler = new ClaimAssembler();
  let cursors = 0;

  /** Rows of a query, BATCH at a time, through a cursor closed when the caller stops. */
  async function* batches<R>(sql: string, params: unknown[]): AsyncGenerator<R[]> {
    const name = `claimbook_export_${++cursors}`;
    await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
    try {
      for (;;) {
        const { rows } = await client.query(`FETCH ${BATCH} FROM ${name}`);
        if (rows.length) yield rows as R[];
        if (rows.length < BATCH) return;
      }
    } finally {
      await client.query(`CLOSE ${name}`);
    }
  }

  const childRows = async <R extends { claimId: string }>(sql: string, ids: string[]) =>
    byClaim((await client.query(sql, [ids])).rows as R[]);

  async function* claims(documentId: string): AsyncGenerator<ExportClaim> {
    for await (const page of batches<ClaimRow>(CLAIMS, [documentId])) {
      const ids = page.map((c) => c.id);
      // One connection runs one query at a time: these go one after another.
      const tags = await childRows<TagRow>(TAGS, ids);
      const suggested = await childRows<SuggestedRow>(SUGGESTED, ids);
      const notes = await childRows<NoteRow>(NOTES, ids);
      const verdicts = await childRows<VerdictRow>(VERDICTS, ids);
      const out = page.map((c) =>
        assembler.claim(c, {
          tags: (tags.get(c.id) ?? []).map((t) => assembler.tagging(t)),
          suggestedTags: (suggested.get(c.id) ?? []).map((s) => s.tag),
          notes: notes.get(c.id) ?? [],
          verdict: verdicts.get(c.id) ?? [],
        }),
      );
      yield* out;
    }
  }

  async function* claimTags(documentId: string): AsyncGenerator<ClaimTagRow> {
    for await (const page of batches<{ id: string }>(CLAIM_KEYS, [documentId])) {
      const ids = page.map((c) => c.id);
      const tags = await childRows<TagRow>(TAGS, ids);
      const suggested = await childRows<SuggestedRow>(SUGGESTED, ids);
      const verdicts = await childRows<VerdictRow>(VERDICTS, ids);
      for (const { id } of page)
        yield assembler.claimTags(
          id,
          (tags.get(id) ?? []).map((t) => ({ tag: t.tag, reviewerId: t.reviewerId })),
          (suggested.get(id) ?? []).map((s) => s.tag),
          verdicts.get(id) ?? [],
        );
    }
  }

  let closed = false;
  return {
    claims,
    claimTags,
    async numbering(documentId) {
      const current: NumberingRow[] = [];
      const other: NumberingRow[] = [];
      const { rows } = await client.query(NUMBERING, [documentId]);
      for (const r of rows as (NumberingRow & { current: boolean })[])
        (r.current ? current : other).push({ id: r.id, start: r.start, end: r.end, createdAt: r.createdAt });
      return { current, other };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.query("COMMIT");
      } finally {
        await client.end();
      }
    },
  };
}
