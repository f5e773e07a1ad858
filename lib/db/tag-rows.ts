import "server-only";
import type { TaggedClaim } from "../tags/counting-rule";

/** One tag of a live claim: suggested (kind "s"), a reviewer's ("r") or a verdict's ("f"; tag null for a verdict of no tags). */
export type TagRow = {
  documentId: string;
  claimId: string;
  kind: "s" | "r" | "f";
  tag: string | null;
  reviewerId: string | null;
};

export type TaggedClaimRow = { documentId: string; finalTags?: string[] } & TaggedClaim;

/** Folds tag rows (a few per claim) into one entry per claim, as the counting rule reads them. */
export function claimsFromTagRows(rows: readonly TagRow[]): Map<string, TaggedClaimRow> {
  const tagged = new Map<string, TaggedClaimRow>();
  for (const row of rows) {
    let claim = tagged.get(row.claimId);
    if (!claim) {
      claim = { documentId: row.documentId, suggestedTags: [], reviewerTags: [] };
      tagged.set(row.claimId, claim);
    }
    if (row.kind === "f") {
      claim.finalTags ??= [];
      if (row.tag !== null) claim.finalTags.push(row.tag);
    } else if (row.tag === null) continue;
    else if (row.kind === "s") claim.suggestedTags.push(row.tag);
    else claim.reviewerTags.push({ tag: row.tag, reviewerId: row.reviewerId! });
  }
  return tagged;
}
