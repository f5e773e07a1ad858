import type { AppliedTag } from "./agreement";
import { type Consensus, consensusOf } from "./consensus";

/**
 * THE rule by which a claim counts under a tag, used by every screen and file that counts:
 * the document list, the document page, search results and every export. Change it here
 * and nowhere else.
 *
 * A claim's final tags are a curator's verdict when it has one; else its reviewers'
 * consensus: the tags more than half of the reviewers who tagged it applied. Until a
 * reviewer tags it, its suggested (curated) tags stand in. When reviewers split with no
 * majority it has no final tag ("no consensus").
 */
export interface TaggedClaim {
  suggestedTags: string[];
  reviewerTags: AppliedTag[];
  /** A curator's verdict's tags (possibly none); null or absent without a verdict. */
  finalTags?: readonly string[] | null;
}

export function finalTags(claim: TaggedClaim): Consensus {
  return consensusOf(claim);
}

/** The rule in one sentence, for the README, the UI legend and every report. */
export const COUNTING_RULE =
  "Tags are counted by a curator's verdict where there is one, else by consensus: a tag applied by more than half of the reviewers who tagged a claim. A claim no reviewer has tagged yet counts under its curated suggestion.";

export interface TagCounts {
  claims: number;
  /** Claims per final tag, by slug. */
  byTag: Record<string, number>;
  /** Claims reviewers tagged without a majority for any tag. */
  noConsensus: number;
}

export function emptyTagCounts(): TagCounts {
  return { claims: 0, byTag: {}, noConsensus: 0 };
}

/** Adds one claim to running counts, by the rule. */
export function countClaim(counts: TagCounts, claim: TaggedClaim): TagCounts {
  const { tags } = finalTags(claim);
  counts.claims++;
  if (tags.length === 0) counts.noConsensus++;
  for (const tag of tags) counts.byTag[tag] = (counts.byTag[tag] ?? 0) + 1;
  return counts;
}

/** Claims per final tag over any number of claims. */
export function countTags(claims: Iterable<TaggedClaim>): TagCounts {
  const counts = emptyTagCounts();
  for (const claim of claims) countClaim(counts, claim);
  return counts;
}
