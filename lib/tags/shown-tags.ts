/** The tags a claim shows: its reviewers' tags once anyone has tagged it, else the curated suggestions. */
export function shownTags(claim: { reviewerTags: { tag: string }[]; suggestedTags: string[] }): string[] {
  return claim.reviewerTags.length ? [...new Set(claim.reviewerTags.map((t) => t.tag))] : claim.suggestedTags;
}
