/**
 * What an open document page hears about: the kind of change, the entity and its new
 * version. Ids only (PostgreSQL NOTIFY payloads stay far under their 8,000-byte limit and a
 * page fetches what it needs), and no field a recipient may not see: the actor's id lets a
 * page skip the echo of its own writes.
 */
export const LIVE_KINDS = [
  "claim.created",
  "claim.adjusted",
  "claim.deleted",
  "claim.restored",
  "claim.status",
  "claim.tags",
  "claim.described",
  "claim.verdict",
  "note.added",
  "note.edited",
  "note.deleted",
  "document.version",
] as const;

export type LiveKind = (typeof LIVE_KINDS)[number];

export interface LiveEvent {
  seq: number;
  documentId: string;
  kind: LiveKind;
  entityId: string;
  claimId: string | null;
  version: number | null;
  actorId: string | null;
  /** Read with the event, not stored in it: a page names who changed what it shows. */
  actorName: string | null;
}

// Audit actions that change what an open page shows. A new version of the document re-anchors
// every claim: the page is told, and offers a reload rather than patching claim by claim.
const KIND_OF_AUDIT_ACTION: Record<string, LiveKind> = {
  "claim.create": "claim.created",
  "claim.adjust-span": "claim.adjusted",
  "claim.confirm-anchor": "claim.adjusted",
  "claim.retire-orphan": "claim.deleted",
  "claim.restore-version": "claim.adjusted",
  "claim.delete": "claim.deleted",
  "claim.restore": "claim.restored",
  "claim.set-status": "claim.status",
  "tag.add": "claim.tags",
  "tag.remove": "claim.tags",
  "claim.describe": "claim.described",
  "claim.adjudicate": "claim.verdict",
  "note.add": "note.added",
  "note.edit": "note.edited",
  "note.delete": "note.deleted",
  "document.new-version": "document.version",
};

/** The live kind an audited change is announced as, or null when open pages need not hear of it. */
export function liveKindOfAuditAction(action: string): LiveKind | null {
  return KIND_OF_AUDIT_ACTION[action] ?? null;
}

export function isLiveKind(kind: string): kind is LiveKind {
  return (LIVE_KINDS as readonly string[]).includes(kind);
}
