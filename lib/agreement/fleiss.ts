import type { Figure } from "./types";

/**
 * Fleiss (1971) κ from a units × categories table of counts (counts[i][j]: raters who put unit
 * i in category j). Fleiss assumed the same number of raters m per unit; reviewers here tag
 * different subsets of claims, so each unit's agreement is taken over its own nᵢ raters:
 * Pᵢ = Σⱼ nᵢⱼ(nᵢⱼ − 1) / (nᵢ(nᵢ − 1)), P̄ their mean, pⱼ = Σᵢ nᵢⱼ / Σᵢ nᵢ, Pₑ = Σⱼ pⱼ².
 * With a constant m this is exactly Fleiss's formula. Units with fewer than two raters carry
 * no agreement information and are left out.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): Figure {
  const units = counts.filter((row) => row.reduce((s, x) => s + x, 0) >= 2);
  const n = units.length;
  if (n === 0) return { value: null, n, reason: "no-overlap" };
  const categories = units[0].length;
  const totals = new Array<number>(categories).fill(0);
  let ratings = 0;
  let sumP = 0;
  for (const row of units) {
    const m = row.reduce((s, x) => s + x, 0);
    let same = 0;
    for (let j = 0; j < categories; j++) {
      same += row[j] * (row[j] - 1);
      totals[j] += row[j];
    }
    ratings += m;
    sumP += same / (m * (m - 1));
  }
  const pBar = sumP / n;
  const pE = totals.reduce((s, t) => s + (t / ratings) ** 2, 0);
  if (1 - pE < 1e-12) return { value: null, n, reason: "no-variation" };
  return { value: (pBar - pE) / (1 - pE), n };
}
