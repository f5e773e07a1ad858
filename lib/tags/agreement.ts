export interface AppliedTag {
  tag: string;
  reviewerId: string;
}

/** Each reviewer's tag set on one claim, as sorted slug lists keyed by reviewer. */
export function tagSetsByReviewer(tags: AppliedTag[]): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const { tag, reviewerId } of tags) {
    const set = sets.get(reviewerId);
    if (set) set.push(tag);
    else sets.set(reviewerId, [tag]);
  }
  for (const [id, slugs] of sets) if (slugs.length > 1) sets.set(id, [...new Set(slugs)].sort());
  return sets;
}

/** True when at least two reviewers tagged the claim and their tag sets differ. */
export function hasDisagreement(tags: AppliedTag[]): boolean {
  const keys = [...tagSetsByReviewer(tags).values()].map((s) => s.join(" "));
  return new Set(keys).size > 1;
}
