import "server-only";
import type { ExportFile, ExportFileClaim } from "../validation/export-file";
import { appendAudit } from "./audit";
import type { Db } from "./client";
import type { Prisma } from "./generated/client";

type Tx = Prisma.TransactionClient;

export interface ImportReport {
  tagsCreated: number;
  usersCreated: number;
  documentsCreated: number;
  claimsCreated: number;
  claimsMatched: number;
  reviewerTagsAdded: number;
  notesCreated: number;
}

/** The file is well-formed but disagrees with the database; the import is rolled back. */
export class ImportConflictError extends Error {}

const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Imports a parsed and verified export file in ONE transaction: anything that conflicts
 * with the database rolls back everything. Merges rather than overwrites: tags by slug,
 * people by email (unknown people become inactive reviewer accounts that cannot sign in),
 * documents by file name (the stored text must be the same), claims by id or by curated
 * seed key; a matched claim keeps its stored fields and gains the file's missing reviewer
 * tags and notes.
 */
export async function importExportFile(
  db: Db,
  file: ExportFile,
  options: { actorId: string | null; unusablePasswordHash: string },
): Promise<ImportReport> {
  const report: ImportReport = {
    tagsCreated: 0,
    usersCreated: 0,
    documentsCreated: 0,
    claimsCreated: 0,
    claimsMatched: 0,
    reviewerTagsAdded: 0,
    notesCreated: 0,
  };
  const audit = (
    tx: Tx,
    action: string,
    entityType: string,
    entityId: string,
    extra: { documentId?: string; claimId?: string; after?: unknown } = {},
  ) => appendAudit(tx, { actorId: options.actorId, action, entityType, entityId, ...extra });

  await db.$transaction(
    async (tx) => {
      const tagIds = await importTags(tx, file, report, audit);
      const userIds = await importPeople(tx, file, options.unusablePasswordHash, report, audit);
      for (const doc of file.documents) {
        const documentId = await importDocument(tx, doc, report, audit);
        const claimIds = await importClaims(
          tx,
          documentId,
          doc.sha256,
          doc.claims,
          tagIds,
          userIds,
          report,
          options.actorId,
        );
        await importTagsAndNotes(tx, doc.claims, claimIds, tagIds, userIds, report, options.actorId);
      }
      await audit(tx, "import.run", "Import", file.exportedAt, { after: report });
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
  return report;
}

type Audit = (
  tx: Tx,
  action: string,
  entityType: string,
  entityId: string,
  extra?: { documentId?: string; claimId?: string; after?: unknown },
) => Promise<void>;

async function importTags(tx: Tx, file: ExportFile, report: ImportReport, audit: Audit): Promise<Map<string, string>> {
  const stored = await tx.tag.findMany();
  for (const tag of file.tags) {
    if (stored.some((s) => s.slug === tag.slug)) continue;
    const clash = stored.find((s) => s.shortcut === tag.shortcut);
    if (clash)
      throw new ImportConflictError(
        `tag "${tag.slug}": its shortcut "${tag.shortcut}" is already used by tag "${clash.slug}"`,
      );
    const created = await tx.tag.create({ data: tag });
    stored.push(created);
    await audit(tx, "tag.import", "Tag", created.id, { after: tag });
    report.tagsCreated++;
  }
  return new Map(stored.map((t) => [t.slug, t.id]));
}

async function importPeople(
  tx: Tx,
  file: ExportFile,
  passwordHash: string,
  report: ImportReport,
  audit: Audit,
): Promise<Map<string, string>> {
  const people = new Map<string, string>();
  for (const doc of file.documents) {
    for (const c of doc.claims) {
      for (const p of [
        ...c.tags.map((t) => t.reviewer),
        ...c.notes.map((n) => n.author),
        ...(c.createdBy ? [c.createdBy] : []),
        ...(c.verdict ? [c.verdict.curator] : []),
      ])
        people.set(p.email, p.name);
    }
  }
  const ids = new Map<string, string>();
  for (const emails of chunks([...people.keys()])) {
    for (const u of await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }))
      ids.set(u.email, u.id);
  }
  for (const [email, name] of people) {
    if (ids.has(email)) continue;
    const user = await tx.user.create({
      data: { email, name, role: "reviewer", active: false, passwordHash },
      select: { id: true, email: true, name: true, role: true, active: true },
    });
    await audit(tx, "user.import", "User", user.id, { after: user });
    ids.set(email, user.id);
    report.usersCreated++;
  }
  return ids;
}

async function importDocument(
  tx: Tx,
  doc: ExportFile["documents"][number],
  report: ImportReport,
  audit: Audit,
): Promise<string> {
  const stored = await tx.document.findUnique({
    where: { fileName: doc.fileName },
    select: { id: true, sha256: true },
  });
  if (stored) {
    if (stored.sha256 !== doc.sha256)
      throw new ImportConflictError(
        `${doc.fileName}: the stored text (sha256 ${stored.sha256}) differs from the file's (sha256 ${doc.sha256})`,
      );
    return stored.id;
  }
  if (await tx.document.findUnique({ where: { slug: doc.slug }, select: { id: true } }))
    throw new ImportConflictError(`${doc.fileName}: another document already has the slug "${doc.slug}"`);
  const { claims: _claims, ...fields } = doc;
  const created = await tx.document.create({ data: fields, select: { id: true } });
  await audit(tx, "document.import", "Document", created.id, {
    documentId: created.id,
    after: { fileName: doc.fileName, sha256: doc.sha256 },
  });
  report.documentsCreated++;
  return created.id;
}

/** Creates the claims the database lacks; returns the stored id of every claim in the file, by file id. */
async function importClaims(
  tx: Tx,
  documentId: string,
  sha256: string,
  claims: ExportFileClaim[],
  tagIds: Map<string, string>,
  userIds: Map<string, string>,
  report: ImportReport,
  actorId: string | null,
): Promise<Map<string, string>> {
  const storedIds = new Map<string, string>();
  for (const part of chunks(claims)) {
    for (const c of await tx.claim.findMany({
      where: { id: { in: part.map((c) => c.id) } },
      select: { id: true, documentId: true },
    })) {
      if (c.documentId !== documentId)
        throw new ImportConflictError(`claim ${c.id}: already stored on another document`);
      storedIds.set(c.id, c.id);
    }
  }
  const seedKeys = claims.filter((c) => c.seedKey !== null && !storedIds.has(c.id)).map((c) => c.seedKey!);
  const bySeedKey = new Map<string, string>();
  for (const part of chunks(seedKeys)) {
    for (const c of await tx.claim.findMany({
      where: { documentId, seedKey: { in: part } },
      select: { id: true, seedKey: true },
    }))
      bySeedKey.set(c.seedKey!, c.id);
  }
  const fresh: ExportFileClaim[] = [];
  for (const c of claims) {
    const matched = storedIds.get(c.id) ?? (c.seedKey !== null ? bySeedKey.get(c.seedKey) : undefined);
    if (matched) {
      storedIds.set(c.id, matched);
      report.claimsMatched++;
    } else {
      fresh.push(c);
      storedIds.set(c.id, c.id);
    }
  }
  for (const part of chunks(fresh)) {
    await tx.claim.createMany({
      data: part.map((c) => ({
        id: c.id,
        documentId,
        start: c.start,
        end: c.end,
        exact: c.exact,
        prefix: c.prefix,
        suffix: c.suffix,
        paragraphStart: c.paragraph.start,
        paragraphEnd: c.paragraph.end,
        textHash: sha256,
        statement: c.statement,
        kind: c.kind,
        status: c.status,
        seedKey: c.seedKey,
        createdById: c.createdBy ? userIds.get(c.createdBy.email)! : null,
        createdAt: new Date(c.createdAt),
        updatedAt: new Date(c.updatedAt),
      })),
    });
    await tx.suggestedTag.createMany({
      data: part.flatMap((c) => c.suggestedTags.map((slug) => ({ claimId: c.id, tagId: tagIds.get(slug)! }))),
    });
    await tx.auditEvent.createMany({
      data: part.map((c) => ({
        actorId,
        action: "claim.import",
        entityType: "Claim",
        entityId: c.id,
        documentId,
        claimId: c.id,
        after: JSON.stringify({ start: c.start, end: c.end, exact: c.exact, status: c.status }),
      })),
    });
    report.claimsCreated += part.length;
  }
  return storedIds;
}

async function importTagsAndNotes(
  tx: Tx,
  claims: ExportFileClaim[],
  claimIds: Map<string, string>,
  tagIds: Map<string, string>,
  userIds: Map<string, string>,
  report: ImportReport,
  actorId: string | null,
): Promise<void> {
  for (const part of chunks(claims)) {
    const ids = part.map((c) => claimIds.get(c.id)!);
    const haveTags = new Set(
      (await tx.claimTag.findMany({ where: { claimId: { in: ids } } })).map(
        (t) => `${t.claimId} ${t.tagId} ${t.reviewerId}`,
      ),
    );
    const tagRows = part.flatMap((c) =>
      c.tags
        .map((t) => ({
          claimId: claimIds.get(c.id)!,
          tagId: tagIds.get(t.tag)!,
          reviewerId: userIds.get(t.reviewer.email)!,
          createdAt: new Date(t.createdAt),
        }))
        .filter((t) => !haveTags.has(`${t.claimId} ${t.tagId} ${t.reviewerId}`)),
    );
    if (tagRows.length) await tx.claimTag.createMany({ data: tagRows });
    report.reviewerTagsAdded += tagRows.length;
    await importVerdicts(tx, part, claimIds, tagIds, userIds);

    const noteIds = part.flatMap((c) => c.notes.map((n) => n.id));
    const haveNotes = new Set<string>();
    for (const idPart of chunks(noteIds))
      for (const n of await tx.note.findMany({ where: { id: { in: idPart } }, select: { id: true } }))
        haveNotes.add(n.id);
    const noteRows = part.flatMap((c) =>
      parentsFirst(c.notes)
        .filter((n) => !haveNotes.has(n.id))
        .map((n) => ({
          id: n.id,
          claimId: claimIds.get(c.id)!,
          parentId: n.parentId,
          authorId: userIds.get(n.author.email)!,
          body: n.body,
          createdAt: new Date(n.createdAt),
          updatedAt: new Date(n.updatedAt),
        })),
    );
    for (const rows of chunks(noteRows)) {
      await tx.note.createMany({ data: rows });
      await tx.auditEvent.createMany({
        data: rows.map((n) => ({
          actorId,
          action: "note.import",
          entityType: "Note",
          entityId: n.id,
          claimId: n.claimId,
          after: JSON.stringify({ authorId: n.authorId, body: n.body }),
        })),
      });
    }
    report.notesCreated += noteRows.length;
  }
}

/** Notes ordered so every parent comes before its replies (the file is verified to have no loops). */
function parentsFirst<T extends { id: string; parentId: string | null }>(notes: T[]): T[] {
  const out: T[] = [];
  const placed = new Set<string>();
  let pending = notes;
  while (pending.length) {
    const next = pending.filter(
      (n) => n.parentId !== null && !placed.has(n.parentId) && pending.some((p) => p.id === n.parentId),
    );
    for (const n of pending) {
      if (next.includes(n)) continue;
      out.push(n);
      placed.add(n.id);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  return out;
}

/** Verdicts merge like everything else: a claim that already has one keeps it. */
async function importVerdicts(
  tx: Tx,
  claims: ExportFileClaim[],
  claimIds: Map<string, string>,
  tagIds: Map<string, string>,
  userIds: Map<string, string>,
): Promise<void> {
  const withVerdict = claims.filter((c) => c.verdict);
  if (withVerdict.length === 0) return;
  const have = new Set(
    (
      await tx.adjudication.findMany({
        where: { claimId: { in: withVerdict.map((c) => claimIds.get(c.id)!) } },
        select: { claimId: true },
      })
    ).map((a) => a.claimId),
  );
  for (const c of withVerdict) {
    const claimId = claimIds.get(c.id)!;
    const verdict = c.verdict!;
    if (have.has(claimId)) continue;
    const at = new Date(verdict.updatedAt);
    await tx.adjudication.create({
      data: {
        claimId,
        status: verdict.status,
        reason: verdict.reason,
        curatorId: userIds.get(verdict.curator.email)!,
        createdAt: at,
        updatedAt: at,
      },
    });
    if (verdict.tags.length)
      await tx.finalTag.createMany({ data: verdict.tags.map((slug) => ({ claimId, tagId: tagIds.get(slug)! })) });
  }
}
