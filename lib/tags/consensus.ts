import { type AppliedTag, tagSetsByReviewer } from "./agreement";

export type Agreement = "adjudicated" | "unanimous" | "majority" | "split" | "suggested";

export interface Consensus {
  /**
   * A curator's final tags when the claim has a verdict; else the tags applied by more than
   * half of the reviewers who tagged the claim; the curated suggestion when nobody has.
   */
  tags: string[];
  agreement: Agreement;
  /** How many reviewers tagged the claim. */
  reviewers: number;
}

/**
 * The one rule for the tags a claim counts under, used by every report, CSV, JSON and
 * JSON-LD export. A curator's verdict wins ("adjudicated", `finalTags` set, possibly empty).
 * Otherwise the consensus of its reviewers: a tag counts when more than half of those who
 * tagged the claim applied it. "unanimous" when every reviewer gave the same tag set,
 * "split" when no tag reaches a majority, and "suggested" (the curated tags) when nobody
 * has tagged the claim yet.
 */
export function consensusOf(claim: {
  suggestedTags: string[];
  reviewerTags: AppliedTag[];
  /** The verdict's final tags; null or absent when no curator has adjudicated the claim. */
  finalTags?: readonly string[] | null;
}): Consensus {
  const sets = tagSetsByReviewer(claim.reviewerTags);
  if (claim.finalTags != null)
    return { tags: [...new Set(claim.finalTags)].sort(), agreement: "adjudicated", reviewers: sets.size };
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
