import type { ClaimForReading } from "../db/claim-reads";

/**
 * Independent review (issue 14): a reviewer with an open assignment on a document does not
 * see other reviewers' judgements of a claim until they have tagged it themselves (or marked
 * the document done). Pure: which documents are under independent review for whom is read by
 * lib/db/independent-review.ts; this decides what one claim shows.
 */
export function redactClaim(claim: ClaimForReading, viewerId: string): ClaimForReading {
  if (claim.reviewerTags.some((t) => t.reviewerId === viewerId)) return claim;
  // Nobody else's tags and no verdict (its final tags are a judgement too); the curated
  // suggestion is data shipped with the claim, not a reviewer's judgement, and stays.
  return claim.reviewerTags.length === 0 && claim.verdict === null
    ? claim
    : { ...claim, reviewerTags: [], verdict: null };
}

/**
 * A search query that leaves out the documents under independent review for the viewer: the
 * engines' own `-doc:` filter, so totals and pages stay exact. Search results show reviewers'
 * tags and filter by them (tag:, reviewer:, disagreement:, final:), so the whole document
 * stays out of this viewer's searches until they mark it done.
 */
export function excludeDocuments(q: string, slugs: readonly string[]): string {
  return slugs.length ? `${q} ${slugs.map((s) => `-doc:${s}`).join(" ")}` : q;
}
