import "server-only";
import type { ClaimTagRow, ExportClaim, ExportNote, ExportPerson, ExportTagging, ExportVerdict } from "../export/model";
import { type Db, engineOfDb, urlOfDb } from "./client";
import { openPostgresExportReader } from "./postgres/export-reader";
import { openSqliteExportReader } from "./sqlite/export-reader";

/**
 * The exports' claim read, straight through the database driver instead of Prisma: at 100k
 * claims Prisma's result mapping, not the database, was the limit of every export. Each
 * engine (lib/db/sqlite, lib/db/postgres) reads the same rows with its own statements inside
 * one read-only transaction, so a whole export is also one consistent snapshot; this module
 * holds what both share: the row shapes and how rows become an ExportClaim, so both engines
 * produce the same claims, byte for byte once rendered.
 */
export interface ExportReader {
  /** A document's live claims in reading order (start ↑, end ↓, id ↑), with tags, live notes and people. */
  claims(documentId: string): AsyncIterable<ExportClaim> | Iterable<ExportClaim>;
  /** A document's live claims with only their tags, in reading order: for the reports' summary table. */
  claimTags(documentId: string): AsyncIterable<ClaimTagRow> | Iterable<ClaimTagRow>;
  /** Every claim of a document (deleted ones too), split by whether it is anchored on the current text. */
  numbering(documentId: string): Promise<{ current: NumberingRow[]; other: NumberingRow[] }>;
  close(): Promise<void>;
}

export interface NumberingRow {
  id: string;
  start: number;
  end: number;
  createdAt: Date;
}

export function openExportReader(db: Db): Promise<ExportReader> {
  const url = urlOfDb(db);
  return engineOfDb(db) === "postgres" ? openPostgresExportReader(url) : openSqliteExportReader(url);
}

/** A date column as the driver returns it: a Date (pg), ISO text or epoch milliseconds (SQLite). */
export type RawDate = Date | string | number;

export interface ClaimRow {
  id: string;
  seedKey: string | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  paragraphStart: number;
  paragraphEnd: number;
  statement: string | null;
  kind: string | null;
  status: string;
  createdAt: RawDate;
  updatedAt: RawDate;
  creatorId: string | null;
  creatorEmail: string | null;
  creatorName: string | null;
}

export interface TagRow {
  claimId: string;
  tag: string;
  createdAt: RawDate;
  reviewerId: string;
  email: string;
  name: string;
}

export interface SuggestedRow {
  claimId: string;
  tag: string;
}

export interface NoteRow {
  claimId: string;
  id: string;
  parentId: string | null;
  body: string;
  createdAt: RawDate;
  updatedAt: RawDate;
  deletedAt: RawDate | null;
  authorId: string;
  authorEmail: string;
  authorName: string;
}

/** One row per final tag of a verdict (tag null for a verdict of no tag). */
export interface VerdictRow {
  claimId: string;
  tag: string | null;
  status: string;
  reason: string;
  updatedAt: RawDate;
  curatorId: string;
  email: string;
  name: string;
}

export interface ClaimChildren {
  tags: ExportTagging[];
  suggestedTags: string[];
  notes: NoteRow[];
  verdict: VerdictRow[];
}

/**
 * Dates as Prisma reads them: epoch milliseconds (a number, or digits when SQLite concatenated
 * it), ISO 8601 text, or SQLite's CURRENT_TIMESTAMP form ("YYYY-MM-DD HH:MM:SS", UTC, which
 * Date would read as local time).
 */
export function toDate(value: RawDate): Date {
  if (typeof value !== "string") return value instanceof Date ? value : new Date(value);
  const at10 = value.charCodeAt(10);
  if (at10 === 84 /* T */) return new Date(value);
  if (at10 === 32 /* space */) return new Date(`${value.replace(" ", "T")}Z`);
  return /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
}

/** Code-unit order, so the export does not depend on the machine's locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds claims from rows, reusing one ExportPerson object per user (a reader meets the same
 * few reviewers on every claim; renderers can then cache per person).
 */
export class ClaimAssembler {
  readonly #people = new Map<string, ExportPerson>();

  person(id: string, email: string, name: string): ExportPerson {
    let p = this.#people.get(id);
    if (!p || p.email !== email || p.name !== name) {
      p = { id, email, name };
      this.#people.set(id, p);
    }
    return p;
  }

  /** A reviewer's tag from its row. */
  tagging(t: TagRow): ExportTagging {
    return { tag: t.tag, reviewer: this.person(t.reviewerId, t.email, t.name), createdAt: toDate(t.createdAt) };
  }

  /** A claim from its row and its rows in other tables (tags and suggested tags in any order). */
  claim(c: ClaimRow, children: ClaimChildren, creator?: ExportPerson | null): ExportClaim {
    const { tags, suggestedTags } = children;
    if (tags.length > 1) tags.sort((a, b) => compare(a.reviewer.email, b.reviewer.email) || compare(a.tag, b.tag));
    if (suggestedTags.length > 1) suggestedTags.sort();
    return {
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
      suggestedTags,
      tags,
      verdict: children.verdict.length ? this.verdict(children.verdict) : null,
      notes: children.notes.length ? this.notes(children.notes) : [],
      createdBy:
        creator !== undefined
          ? creator
          : c.creatorId
            ? this.person(c.creatorId, c.creatorEmail as string, c.creatorName as string)
            : null,
      createdAt: toDate(c.createdAt),
      updatedAt: toDate(c.updatedAt),
    };
  }

  /** A verdict with its final tags sorted; a verdict of "no tag" has []. */
  verdict(rows: VerdictRow[]): ExportVerdict {
    const r = rows[0];
    const tags: string[] = [];
    for (const row of rows) if (row.tag !== null) tags.push(row.tag);
    tags.sort(compare);
    return {
      tags,
      status: r.status,
      reason: r.reason,
      curator: this.person(r.curatorId, r.email, r.name),
      updatedAt: toDate(r.updatedAt),
    };
  }

  /**
   * The live notes of a claim (rows in creation time, then id, order). A reply to a deleted
   * note is re-attached to its nearest live ancestor (or becomes a thread of its own), so
   * every exported parentId points at an exported note.
   */
  notes(rows: NoteRow[]): ExportNote[] {
    const byId = new Map(rows.map((n) => [n.id, n]));
    const liveAncestor = (id: string | null): string | null => {
      const seen = new Set<string>();
      for (
        let n = id ? byId.get(id) : undefined;
        n && !seen.has(n.id);
        n = n.parentId ? byId.get(n.parentId) : undefined
      ) {
        if (n.deletedAt === null) return n.id;
        seen.add(n.id);
      }
      return null;
    };
    const out: ExportNote[] = [];
    for (const n of rows) {
      if (n.deletedAt !== null) continue;
      out.push({
        id: n.id,
        parentId: liveAncestor(n.parentId),
        author: this.person(n.authorId, n.authorEmail, n.authorName),
        body: n.body,
        createdAt: toDate(n.createdAt),
        updatedAt: toDate(n.updatedAt),
      });
    }
    return out;
  }

  /** The summary table's view of a claim: its tags only. */
  claimTags(
    id: string,
    tags: { tag: string; reviewerId: string }[],
    suggestedTags: string[],
    verdict: VerdictRow[],
  ): ClaimTagRow {
    return {
      id,
      suggestedTags,
      reviewerTags: tags,
      finalTags: verdict.length ? this.verdict(verdict).tags : null,
    };
  }
}
