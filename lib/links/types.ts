import type { Figure } from "./figures";

export const LINK_RELATIONS = ["same-figure", "same-fact", "same-argument", "related-figure", "contradicts"] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];
export const LINK_STATES = ["suggested", "confirmed", "rejected"] as const;
export type LinkState = (typeof LINK_STATES)[number];
export const FLAG_KINDS = ["period", "figure", "verb", "qualifier", "source", "contradiction"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** One claim as the detector reads it. */
export interface DetectClaim {
  id: string;
  documentId: string;
  /** How a reason names the document: its title or file name. */
  documentLabel: string;
  /** The claim's passage. */
  exact: string;
  /** Its self-contained rewording if it has one (curated claims): compared for similarity. */
  statement: string | null;
  /** factual | argumentative | null */
  kind: string | null;
  /** The text leading up to the claim (lib/links/context.ts). */
  before: string;
}

export interface DetectedFlag {
  kind: FlagKind;
  reason: string;
}

export interface DetectedGroup {
  /** Stable identity: the relation and the member claims. */
  key: string;
  relation: LinkRelation;
  /** In [0, 1]. */
  score: number;
  reason: string;
  members: { claimId: string; figure: Figure | null }[];
  flags: DetectedFlag[];
}
