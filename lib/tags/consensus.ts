import { type AppliedTag, tagSetsByReviewer } from "./agreement";

export type Agreement = "unanimous" | "majority" | "split" | "suggested";

export interface Consensus {
  /** Tags applied by more than half of the reviewers who tagged the claim; the curated suggestion when nobody has. */
  tags: string[];
  agreement: Agreement;
  /** How many reviewers tagged the claim. */
  reviewers: number;
}

/**
 * The consensus of a claim's reviewers: a tag counts when more than half of those who
 * tagged the claim applied it. "unanimous" when every reviewer gave the same tag set,
 * "split" when no tag reaches a majority, and "suggested" (the curated tags) when nobody
 * has tagged the claim yet.
 */
export function consensusOf(claim: { suggestedTags: string[]; reviewerTags: AppliedTag[] }): Consensus {
  const sets = tagSetsByReviewer(claim.reviewerTags);
  if (sets.size === 0) return { tags: [...claim.suggestedTags].sort(), agreement: "suggested", reviewers: 0 };
  const votes = new Map<string, number>();
  for (const set of sets.values()) for (const tag of set) votes.set(tag, (votes.get(tag) ?? 0) + 1);
  const tags = [...votes]
    .filter(([, n]) => n * 2 > sets.size)
    .map(([tag]) => tag)
    .sort();
  const unanimous = new Set([...sets.values()].map((s) => s.join(" "))).size === 1;
  return { tags, agreement: unanimous ? "unanimous" : tags.length ? "majority" : "split", reviewers: sets.size };
}
