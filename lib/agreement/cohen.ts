import type { Figure } from "./types";

/** Cohen's κ for two raters and the confusion table it is read from. */
export interface CohenResult extends Figure {
  /** Proportion of the shared units on which the two raters agree (0 when none). */
  observed: number;
  /** Categories in the order of the table's rows and columns. */
  categories: string[];
  /** table[i][j]: units rater A put in categories[i] and rater B in categories[j]. */
  table: number[][];
}

/**
 * Cohen (1960): κ = (pₒ − pₑ) / (1 − pₑ), pₒ the observed agreement on the units both raters
 * judged, pₑ = Σ_c pA(c)·pB(c) from each rater's own marginals. Pairs are [A's value, B's value].
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): CohenResult {
  const categories = [...new Set(pairs.flat())].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const table = categories.map(() => categories.map(() => 0));
  for (const [a, b] of pairs) table[index.get(a)!][index.get(b)!]++;
  const n = pairs.length;
  if (n === 0) return { value: null, n, reason: "no-overlap", observed: 0, categories, table };
  let agree = 0;
  let expected = 0;
  for (let i = 0; i < categories.length; i++) {
    agree += table[i][i];
    const rowA = table[i].reduce((s, x) => s + x, 0);
    const colB = table.reduce((s, row) => s + row[i], 0);
    expected += (rowA / n) * (colB / n);
  }
  const observed = agree / n;
  // pₑ = 1 only when both raters used one and the same category throughout: 0/0.
  if (1 - expected < 1e-12) return { value: null, n, reason: "no-variation", observed, categories, table };
  return { value: (observed - expected) / (1 - expected), n, observed, categories, table };
}
