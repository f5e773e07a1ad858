/** What every export format is rendered from: plain data, no Prisma types. */

import type { StoredSelectors } from "../anchoring/types";

export interface ExportPerson {
  id: string;
  email: string;
  name: string;
}

/** A tag one reviewer applied to a claim. */
export interface ExportTagging {
  tag: string;
  reviewer: ExportPerson;
  createdAt: Date;
}

/** A curator's verdict on a claim: final tags (sorted; possibly none), final status and why. */
export interface ExportVerdict {
  tags: string[];
  status: string;
  reason: string;
  curator: ExportPerson;
  updatedAt: Date;
}

export interface ExportNote {
  id: string;
  parentId: string | null;
  author: ExportPerson;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A live claim with its selectors (UTF-16 offsets), tags and live notes. */
export interface ExportClaim extends StoredSelectors {
  id: string;
  seedKey: string | null;
  statement: string | null;
  kind: string | null;
  status: string;
  suggestedTags: string[];
  /** Ordered by reviewer email, then tag. */
  tags: ExportTagging[];
  /** A curator's verdict, or null when the claim has none. */
  verdict: ExportVerdict | null;
  /** Ordered by creation time, then id. */
  notes: ExportNote[];
  createdBy: ExportPerson | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A claim as the exports list it: with its number in the app (lib/claims/numbering.ts, the
 * annotator's numbers, which never change), so a report of a search result says "claim 12"
 * where the app does, not "claim 1 of this report".
 */
export interface NumberedClaim extends ExportClaim {
  number: number;
}

export interface ExportDocumentHeader {
  id: string;
  fileName: string;
  slug: string;
  title: string;
  author: string | null;
  publication: string | null;
  publishedOn: string | null;
  sha256: string;
}

export interface ExportDocument extends ExportDocumentHeader {
  text: string;
}

export interface ExportTag {
  slug: string;
  label: string;
  letter: string;
  color: string;
  shortcut: string;
  description: string;
  position: number;
}

/** The fields the summary table needs, read without the heavier claim data. */
export interface ClaimTagRow {
  id: string;
  suggestedTags: string[];
  reviewerTags: { tag: string; reviewerId: string }[];
  finalTags: string[] | null;
}
