/**
 * Why a figure has no value. Agreement coefficients divide by the disagreement expected by
 * chance; when there is nothing to compare (one reviewer, no claim tagged by two reviewers) or
 * no variation at all (every judgement the same), that division is 0/0. We report the reason
 * instead of NaN, so no page, CLI line or export ever shows "NaN".
 */
export type NoValueReason = "one-reviewer" | "no-overlap" | "no-variation";

/** One agreement figure: its value (or why there is none) and the number of claims it rests on. */
export interface Figure {
  value: number | null;
  /** Claims (units) the figure is computed on: those judged by at least two reviewers (both, for a pair). */
  n: number;
  reason?: NoValueReason;
}

/** The tags one reviewer applied to one claim. A reviewer who has not tagged a claim has no judgement: missing, not "no tag". */
export interface Judgement {
  reviewerId: string;
  tags: readonly string[];
}

export interface ClaimJudgements {
  claimId: string;
  judgements: readonly Judgement[];
}
