import "server-only";
import type { Span } from "../anchoring/types";
import { suggestClaims } from "../suggest/suggest-claims";
import { appendAudit } from "./audit";
import { type ClaimForReading, getClaimForReading } from "./claim-reads";
import { anchorNewSpan, createClaimIn } from "./claim-writes";
import type { Db } from "./client";
import { ConflictError, NotFoundError, WriteError } from "./errors";
import type { Prisma } from "./generated/client";

type Tx = Prisma.TransactionClient;

/** A pending suggested claim as the annotator and `claims list --suggestions` show it. */
export interface SuggestionForReading {
  id: string;
  start: number;
  end: number;
  exact: string;
  /** The tag it would carry as its suggestion (statistic, legal-fact, opinion), or null. */
  tag: string | null;
  /** The cue that fired, in words. */
  reason: string;
}

const forReading = { id: true, start: true, end: true, exact: true, tag: true, reason: true } as const;

/**
 * Suggests claims for a document's current text (lib/suggest) and keeps them as pending.
 * A passage already covered, for at least half its length, by a live claim or by a pending
 * or rejected suggestion on the current text is not offered (again): suggesting twice adds
 * nothing, and after a new version only the passages the carried-over claims and
 * suggestions leave uncovered are new. Returns how many were added and how many are pending.
 */
export async function storeSuggestions(db: Db, documentId: string): Promise<{ added: number; pending: number }> {
  return db.$transaction(async (tx) => {
    const doc = await tx.document.findUnique({ where: { id: documentId }, select: { text: true, sha256: true } });
    if (!doc) throw new NotFoundError("This document no longer exists.");
    const onText = { documentId, textHash: doc.sha256 };
    const covering = [
      ...(await tx.claim.findMany({ where: { ...onText, deletedAt: null }, select: { start: true, end: true } })),
      ...(await tx.suggestion.findMany({
        where: { ...onText, status: { in: ["pending", "rejected"] } },
        select: { start: true, end: true },
      })),
    ];
    const rows = suggestClaims(doc.text).flatMap((s) => {
      if (covering.some((c) => coveredShare(s, c) >= 0.5)) return [];
      try {
        const selectors = anchorNewSpan(doc.text, s);
        return [{ ...selectors, documentId, textHash: doc.sha256, tag: s.tag, reason: s.reason }];
      } catch {
        return []; // a unit the claim rules refuse (across paragraphs): not offered
      }
    });
    if (rows.length) await tx.suggestion.createMany({ data: rows });
    const pending = await tx.suggestion.count({ where: { ...onText, status: "pending" } });
    return { added: rows.length, pending };
  });
}

/** How much of `unit` another span covers, 0–1. */
function coveredShare(unit: Span, other: Span): number {
  const overlap = Math.min(unit.end, other.end) - Math.max(unit.start, other.start);
  return Math.max(0, overlap) / Math.max(1, unit.end - unit.start);
}

/** A document's pending suggestions on its current text, in reading order. */
export async function listPendingSuggestions(db: Db | Tx, documentId: string): Promise<SuggestionForReading[]> {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { sha256: true } });
  if (!doc) return [];
  return db.suggestion.findMany({
    where: { documentId, status: "pending", textHash: doc.sha256 },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: forReading,
  });
}

/** Every document's pending suggestions on its current text, by document file name then reading order. */
export async function listAllPendingSuggestions(db: Db): Promise<(SuggestionForReading & { document: string })[]> {
  const rows = await db.suggestion.findMany({
    where: { status: "pending" },
    orderBy: [{ document: { fileName: "asc" } }, { start: "asc" }, { end: "desc" }],
    select: { ...forReading, textHash: true, document: { select: { fileName: true, sha256: true } } },
  });
  return rows
    .filter((r) => r.textHash === r.document.sha256)
    .map(({ document, textHash: _, ...s }) => ({ ...s, document: document.fileName }));
}

async function loadPending(tx: Tx, suggestionId: string) {
  const suggestion = await tx.suggestion.findUnique({ where: { id: suggestionId } });
  if (!suggestion) throw new NotFoundError("This suggestion no longer exists.");
  if (suggestion.status !== "pending")
    throw new ConflictError(`This suggestion was already ${suggestion.status}.`, undefined);
  return suggestion;
}

/**
 * Accepts a suggestion: it becomes a claim created by the reviewer (on the suggested passage,
 * or on `span` when the reviewer adjusted it first), carrying the suggested tag as its
 * suggestion; both the claim and the decision are audited, in one transaction.
 */
export async function acceptSuggestion(
  db: Db,
  actorId: string,
  input: { suggestionId: string; start?: number; end?: number },
): Promise<ClaimForReading> {
  return db.$transaction(async (tx) => {
    const claimId = await acceptIn(tx, actorId, input);
    return (await getClaimForReading(tx, claimId))!;
  });
}

async function acceptIn(tx: Tx, actorId: string, input: { suggestionId: string; start?: number; end?: number }) {
  const suggestion = await loadPending(tx, input.suggestionId);
  const span =
    input.start !== undefined && input.end !== undefined
      ? { start: input.start, end: input.end }
      : { start: suggestion.start, end: suggestion.end };
  const claimId = await createClaimIn(tx, actorId, { documentId: suggestion.documentId, ...span });
  if (suggestion.tag) {
    const tag = await tx.tag.findUnique({ where: { slug: suggestion.tag }, select: { id: true } });
    if (tag) await tx.suggestedTag.create({ data: { claimId, tagId: tag.id } });
  }
  await decide(tx, actorId, suggestion, "accepted", claimId);
  return claimId;
}

/** Rejects a suggestion (audited); it is kept, not offered again. */
export async function rejectSuggestion(
  db: Db,
  actorId: string,
  input: { suggestionId: string },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const suggestion = await loadPending(tx, input.suggestionId);
    await decide(tx, actorId, suggestion, "rejected", null);
    return { id: suggestion.id };
  });
}

/** Accepts every pending suggestion in the paragraph holding `offset`; returns the claims made. */
export async function acceptSuggestionsInParagraph(
  db: Db,
  actorId: string,
  input: { documentId: string; offset: number },
): Promise<ClaimForReading[]> {
  return db.$transaction(async (tx) => {
    const pending = await listPendingSuggestions(tx, input.documentId);
    const anchor = pending.find((s) => s.start <= input.offset && input.offset < s.end);
    if (!anchor) throw new WriteError("There is no pending suggestion there.", "offset");
    const { paragraphStart } = await tx.suggestion.findUniqueOrThrow({
      where: { id: anchor.id },
      select: { paragraphStart: true },
    });
    const inParagraph = await tx.suggestion.findMany({
      where: { documentId: input.documentId, status: "pending", paragraphStart },
      orderBy: { start: "asc" },
      select: { id: true },
    });
    const claims: ClaimForReading[] = [];
    for (const { id } of inParagraph)
      claims.push((await getClaimForReading(tx, await acceptIn(tx, actorId, { suggestionId: id })))!);
    return claims;
  });
}

async function decide(
  tx: Tx,
  actorId: string,
  suggestion: { id: string; documentId: string; start: number; end: number; exact: string; tag: string | null },
  status: "accepted" | "rejected",
  claimId: string | null,
) {
  const { count } = await tx.suggestion.updateMany({
    where: { id: suggestion.id, status: "pending" },
    data: { status, claimId, decidedById: actorId, decidedAt: new Date() },
  });
  if (count !== 1) throw new ConflictError("This suggestion was decided by someone else just now.", undefined);
  await appendAudit(tx, {
    actorId,
    action: status === "accepted" ? "suggestion.accept" : "suggestion.reject",
    entityType: "Suggestion",
    entityId: suggestion.id,
    documentId: suggestion.documentId,
    claimId,
    before: { status: "pending", exact: suggestion.exact, tag: suggestion.tag },
    after: { status },
  });
}
