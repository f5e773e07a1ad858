import { type CohenResult, cohenKappa } from "./cohen";
import { fleissKappa } from "./fleiss";
import { krippendorffAlpha, nominalDistance } from "./krippendorff";
import { masiDistance } from "./masi";
import { keyTags, setKey } from "./set-key";
import type { ClaimJudgements, Figure } from "./types";

export interface PairAgreement {
  a: string;
  b: string;
  kappa: CohenResult;
}

export interface TagAgreement {
  tag: string;
  /** Judgements (reviewer × claim) that applied the tag. */
  applied: number;
  /** Tag applied or not, as a two-category decision among the reviewers who tagged each claim. */
  fleiss: Figure;
  alpha: Figure;
}

export interface DisagreedClaim {
  claimId: string;
  /** Mean MASI distance over the pairs of reviewers who tagged the claim: 0 all equal, 1 all disjoint. */
  disagreement: number;
  judgements: { reviewerId: string; tags: string[] }[];
}

export interface AgreementReport {
  reviewers: string[];
  /** Claims in scope, claims with at least one judgement, and with at least two. */
  claims: number;
  judged: number;
  overlapping: number;
  /** Every pair of reviewers, in the order of `reviewers` (a before b). */
  pairs: PairAgreement[];
  /** Over whole tag sets as nominal categories. */
  fleiss: Figure;
  alpha: Figure;
  /** Over tag sets with MASI distance: partial overlap counts as partial agreement. */
  setAlpha: Figure;
  perTag: TagAgreement[];
  mostDisagreed: DisagreedClaim[];
}

/** When every figure is undefined because a single reviewer took part, say so rather than "no overlap". */
function forReviewers(figure: Figure, reviewers: number): Figure {
  return reviewers === 1 && figure.value === null ? { ...figure, reason: "one-reviewer" } : figure;
}

/**
 * Every agreement figure for a set of claims. Each reviewer's judgement on a claim is their
 * whole tag set; a reviewer who has not tagged a claim is missing from it (not "no tag").
 * `tags` lists the vocabulary, so a tag nobody applied still gets its row.
 */
export function agreementReport(
  claims: readonly ClaimJudgements[],
  options: { tags?: readonly string[]; mostDisagreed?: number } = {},
): AgreementReport {
  const reviewerSet = new Set<string>();
  const tagSet = new Set(options.tags ?? []);
  // Per claim: reviewer → set key, judgements with no tag at all dropped (they are not judgements).
  const units: Map<string, string>[] = [];
  const claimIds: string[] = [];
  for (const claim of claims) {
    const byReviewer = new Map<string, string>();
    for (const j of claim.judgements) {
      if (j.tags.length === 0) continue;
      reviewerSet.add(j.reviewerId);
      for (const t of j.tags) tagSet.add(t);
      byReviewer.set(j.reviewerId, setKey([...keyTags(byReviewer.get(j.reviewerId) ?? ""), ...j.tags]));
    }
    units.push(byReviewer);
    claimIds.push(claim.claimId);
  }
  const reviewers = [...reviewerSet].sort();
  const tags = [...tagSet].sort();
  const overlappingUnits = units.filter((u) => u.size >= 2);
  const r = reviewers.length;

  const pairs: PairAgreement[] = [];
  for (let i = 0; i < r; i++)
    for (let k = i + 1; k < r; k++) {
      const a = reviewers[i];
      const b = reviewers[k];
      const shared: [string, string][] = [];
      for (const u of units) {
        const va = u.get(a);
        const vb = u.get(b);
        if (va !== undefined && vb !== undefined) shared.push([va, vb]);
      }
      pairs.push({ a, b, kappa: cohenKappa(shared) });
    }

  const values = overlappingUnits.map((u) => [...u.values()]);
  const perTag = tags.map((tag): TagAgreement => {
    let applied = 0;
    const binary = values.map((vs) => vs.map((v) => (keyTags(v).includes(tag) ? "yes" : "no")));
    for (const u of units) for (const v of u.values()) if (keyTags(v).includes(tag)) applied++;
    return {
      tag,
      applied,
      fleiss: forReviewers(fleissKappa(countTable(binary, ["yes", "no"])), r),
      alpha: forReviewers(krippendorffAlpha(binary, nominalDistance), r),
    };
  });

  const mostDisagreed: DisagreedClaim[] = [];
  units.forEach((u, i) => {
    if (u.size < 2) return;
    const entries = [...u.entries()];
    let sum = 0;
    let count = 0;
    for (let x = 0; x < entries.length; x++)
      for (let y = x + 1; y < entries.length; y++) {
        sum += masiDistance(entries[x][1], entries[y][1]);
        count++;
      }
    const disagreement = sum / count;
    if (disagreement > 0)
      mostDisagreed.push({
        claimId: claimIds[i],
        disagreement,
        judgements: entries
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([reviewerId, key]) => ({ reviewerId, tags: keyTags(key) })),
      });
  });
  // Equal scores reached by different sums (2/3 as (0+1+1)/3 or as 1 − 1/3) differ in the last bit: compare with a tolerance.
  mostDisagreed.sort((p, q) => {
    const d = q.disagreement - p.disagreement;
    return Math.abs(d) > 1e-9 ? d : q.judgements.length - p.judgements.length;
  });

  const categories = [...new Set(values.flat())].sort();
  return {
    reviewers,
    claims: claims.length,
    judged: units.filter((u) => u.size > 0).length,
    overlapping: overlappingUnits.length,
    pairs,
    fleiss: forReviewers(fleissKappa(countTable(values, categories)), r),
    alpha: forReviewers(krippendorffAlpha(values, nominalDistance), r),
    setAlpha: forReviewers(krippendorffAlpha(values, masiDistance), r),
    perTag,
    mostDisagreed: mostDisagreed.slice(0, options.mostDisagreed ?? 20),
  };
}

/** Units × categories counts, the input Fleiss's κ reads. */
export function countTable(units: readonly (readonly string[])[], categories: readonly string[]): number[][] {
  const index = new Map(categories.map((c, i) => [c, i]));
  return units.map((unit) => {
    const row = new Array<number>(categories.length).fill(0);
    for (const v of unit) row[index.get(v)!]++;
    return row;
  });
}
