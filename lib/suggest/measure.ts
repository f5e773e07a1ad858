import type { Span } from "../anchoring/types";

/**
 * Scoring suggested claims against curated ones (pure; the suggest benchmark and its tests
 * use it). Categories for tag agreement: statistic, legal-fact, opinion, none.
 */

export interface Labelled extends Span {
  tag: string;
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
export const jaccard = (a: Span, b: Span) => overlap(a, b) / (Math.max(a.end, b.end) - Math.min(a.start, b.start));

export interface SuggestionScore {
  claims: number;
  suggestions: number;
  /** Curated claims at least half covered by one suggestion. */
  recall: number;
  /** Curated claims matched by a suggestion with span Jaccard ≥ 0.5. */
  strictRecall: number;
  /** Suggestions at least half inside one curated claim, or covering half of one. */
  precision: number;
  /** Cohen's κ of the tags on strictly matched pairs. */
  kappa: number;
  matchedPairs: number;
}

export function scoreSuggestions(claims: Labelled[], suggestions: Labelled[]): SuggestionScore {
  const found = claims.filter((c) => suggestions.some((s) => overlap(c, s) >= 0.5 * (c.end - c.start)));
  const pairs: [string, string][] = [];
  let strict = 0;
  for (const c of claims) {
    let best: Labelled | null = null;
    for (const s of suggestions) if (jaccard(c, s) >= 0.5 && (!best || jaccard(c, s) > jaccard(c, best))) best = s;
    if (best) {
      strict++;
      pairs.push([c.tag, best.tag]);
    }
  }
  const useful = suggestions.filter((s) =>
    claims.some((c) => overlap(c, s) >= 0.5 * Math.min(s.end - s.start, c.end - c.start)),
  );
  return {
    claims: claims.length,
    suggestions: suggestions.length,
    recall: found.length / Math.max(claims.length, 1),
    strictRecall: strict / Math.max(claims.length, 1),
    precision: useful.length / Math.max(suggestions.length, 1),
    kappa: cohensKappa(pairs),
    matchedPairs: pairs.length,
  };
}

/** Cohen's κ for two raters' labels on the same items; 1 when they agree on one label only. */
export function cohensKappa(pairs: [string, string][]): number {
  if (pairs.length === 0) return 0;
  const labels = [...new Set(pairs.flat())];
  const n = pairs.length;
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  const expected = labels.reduce(
    (sum, l) => sum + (pairs.filter(([a]) => a === l).length / n) * (pairs.filter(([, b]) => b === l).length / n),
    0,
  );
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

/** Macro-averaged F1 over the two classes of a binary labelling. */
export function macroF1(gold: boolean[], predicted: boolean[]): number {
  const f1 = (cls: boolean) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      if (predicted[i] === cls && g === cls) tp++;
      else if (predicted[i] === cls) fp++;
      else if (g === cls) fn++;
    });
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  };
  return (f1(true) + f1(false)) / 2;
}
