import "server-only";
import Database from "better-sqlite3";
import type { ClaimTagRow, ExportClaim, ExportPerson, ExportTagging } from "../../export/model";
import {
  ClaimAssembler,
  type ExportReader,
  type NoteRow,
  type NumberingRow,
  toDate,
  type VerdictRow,
} from "../export-reader";
import { BUSY_TIMEOUT_MS } from "../sqlite-adapter";

// Reading order: start ↑, end ↓, id ↑ (a total order, since ids are unique).
const READING_ORDER = `c."start" ASC, c."end" DESC, c."id" ASC`;
const LIVE = `c."documentId" = ? AND c."deletedAt" IS NULL`;

// A claim's tags ("tagId reviewerId createdAt" lines) and suggested tags (space-separated ids)
// come in the claim's own row: SQLite gathers them from its indexes in C, so the driver makes
// one row, not four, per claim (per-row overhead, not SQLite, was most of the read's cost).
// Tag slugs and people are looked up by id in JavaScript, once each.
const TAG_LINES = `(SELECT group_concat(t."tagId" || ' ' || t."reviewerId" || ' ' || t."createdAt", char(10))
    FROM "ClaimTag" t WHERE t."claimId" = c."id")`;
const SUGGESTED_IDS = `(SELECT group_concat(s."tagId", ' ') FROM "SuggestedTag" s WHERE s."claimId" = c."id")`;

const statements = {
  // Raw rows (arrays): the column order is the index order of the Claim type below.
  claims: `SELECT c."id", c."seedKey", c."start", c."end", c."exact", c."prefix", c."suffix",
      c."paragraphStart", c."paragraphEnd", c."statement", c."kind", c."status", c."createdAt", c."updatedAt",
      c."createdById", ${TAG_LINES}, ${SUGGESTED_IDS}
    FROM "Claim" c WHERE ${LIVE} ORDER BY ${READING_ORDER}`,
  claimTags: `SELECT c."id", ${TAG_LINES}, ${SUGGESTED_IDS} FROM "Claim" c WHERE ${LIVE} ORDER BY ${READING_ORDER}`,
  // Notes and verdicts (few claims have them) in the same claim order, merged by claim id.
  notes: `SELECT n."claimId", n."id", n."parentId", n."body", n."createdAt", n."updatedAt", n."deletedAt",
      u."id" AS "authorId", u."email" AS "authorEmail", u."name" AS "authorName"
    FROM "Claim" c JOIN "Note" n ON n."claimId" = c."id" JOIN "User" u ON u."id" = n."authorId"
    WHERE ${LIVE} ORDER BY ${READING_ORDER}, n."createdAt" ASC, n."id" ASC`,
  verdicts: `SELECT a."claimId", g."slug" AS "tag", a."status", a."reason", a."updatedAt",
      u."id" AS "curatorId", u."email", u."name"
    FROM "Claim" c JOIN "Adjudication" a ON a."claimId" = c."id" JOIN "User" u ON u."id" = a."curatorId"
    LEFT JOIN "FinalTag" f ON f."claimId" = a."claimId" LEFT JOIN "Tag" g ON g."id" = f."tagId"
    WHERE ${LIVE} ORDER BY ${READING_ORDER}`,
  numbering: `SELECT c."id", c."start", c."end", c."createdAt", c."textHash" FROM "Claim" c WHERE c."documentId" = ?`,
  // The document's hash read alone: a join would step over its text's overflow pages on every row.
  documentHash: `SELECT "sha256" FROM "Document" WHERE "id" = ?`,
  tags: `SELECT "id", "slug" FROM "Tag"`,
  user: `SELECT "id", "email", "name" FROM "User" WHERE "id" = ?`,
} as const;

type RawClaim = [
  id: string,
  seedKey: string | null,
  start: number,
  end: number,
  exact: string,
  prefix: string,
  suffix: string,
  paragraphStart: number,
  paragraphEnd: number,
  statement: string | null,
  kind: string | null,
  status: string,
  createdAt: string | number,
  updatedAt: string | number,
  createdById: string | null,
  tagLines: string | null,
  suggestedIds: string | null,
];

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
  const prepared = Object.fromEntries(
    Object.entries(statements).map(([name, sql]) => [name, conn.prepare(sql)]),
  ) as Record<keyof typeof statements, Database.Statement>;
  // The first read starts the snapshot.
  const slugs = new Map((prepared.tags.all() as { id: string; slug: string }[]).map((t) => [t.id, t.slug]));
  const assembler = new ClaimAssembler();
  const people = new Map<string, ExportPerson>();
  const person = (id: string): ExportPerson => {
    let p = people.get(id);
    if (!p) {
      const row = prepared.user.get(id) as ExportPerson;
      p = assembler.person(row.id, row.email, row.name);
      people.set(id, p);
    }
    return p;
  };
  const slug = (tagId: string) => slugs.get(tagId) ?? tagId;
  const suggestedOf = (ids: string | null): string[] => (ids ? ids.split(" ").map(slug) : []);

  /** "tagId reviewerId createdAt" lines (createdAt may hold a space: it is the rest of the line). */
  function taggings(lines: string | null): ExportTagging[] {
    if (!lines) return [];
    const out: ExportTagging[] = [];
    for (const line of lines.split("\n")) {
      const a = line.indexOf(" ");
      const b = line.indexOf(" ", a + 1);
      out.push({
        tag: slug(line.slice(0, a)),
        reviewer: person(line.slice(a + 1, b)),
        createdAt: toDate(line.slice(b + 1)),
      });
    }
    return out;
  }

  function reviewerTags(lines: string | null): { tag: string; reviewerId: string }[] {
    if (!lines) return [];
    return lines.split("\n").map((line) => {
      const a = line.indexOf(" ");
      return { tag: slug(line.slice(0, a)), reviewerId: line.slice(a + 1, line.indexOf(" ", a + 1)) };
    });
  }

  function* claims(documentId: string): Generator<ExportClaim> {
    const notes = new Grouped(prepared.notes.iterate(documentId) as Iterable<NoteRow>);
    const verdicts = new Grouped(prepared.verdicts.iterate(documentId) as Iterable<VerdictRow>);
    try {
      for (const r of prepared.claims.raw(true).iterate(documentId) as Iterable<RawClaim>) {
        const id = r[0];
        yield assembler.claim(
          {
            id,
            seedKey: r[1],
            start: r[2],
            end: r[3],
            exact: r[4],
            prefix: r[5],
            suffix: r[6],
            paragraphStart: r[7],
            paragraphEnd: r[8],
            statement: r[9],
            kind: r[10],
            status: r[11],
            createdAt: r[12],
            updatedAt: r[13],
            creatorId: null,
            creatorEmail: null,
            creatorName: null,
          },
          {
            tags: taggings(r[15]),
            suggestedTags: suggestedOf(r[16]),
            notes: notes.take(id),
            verdict: verdicts.take(id),
          },
          r[14] === null ? null : person(r[14]),
        );
      }
    } finally {
      notes.close();
      verdicts.close();
    }
  }

  function* claimTags(documentId: string): Generator<ClaimTagRow> {
    const verdicts = new Grouped(prepared.verdicts.iterate(documentId) as Iterable<VerdictRow>);
    try {
      for (const [id, lines, suggested] of prepared.claimTags.raw(true).iterate(documentId) as Iterable<
        [string, string | null, string | null]
      >)
        yield assembler.claimTags(id, reviewerTags(lines), suggestedOf(suggested), verdicts.take(id));
    } finally {
      verdicts.close();
    }
  }

  return {
    claims,
    claimTags,
    async numbering(documentId) {
      const hash = (prepared.documentHash.get(documentId) as { sha256: string } | undefined)?.sha256;
      const current: NumberingRow[] = [];
      const other: NumberingRow[] = [];
      for (const r of prepared.numbering.iterate(documentId) as Iterable<NumberingRow & { textHash: string }>)
        (r.textHash === hash ? current : other).push({
          id: r.id,
          start: r.start,
          end: r.end,
          createdAt: toDate(r.createdAt),
        });
      return { current, other };
    },
    async close() {
      if (!conn.open) return;
      if (conn.inTransaction) conn.exec("COMMIT");
      conn.close();
    },
  };
}
