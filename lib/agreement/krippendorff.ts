import type { Figure } from "./types";

/** A distance between two values: 0 for the same, up to 1. Nominal α uses 0 / 1. */
export type Distance = (a: string, b: string) => number;

export const nominalDistance: Distance = (a, b) => (a === b ? 0 : 1);

/**
 * Krippendorff's α = 1 − Dₒ / Dₑ, with missing values allowed: each unit lists only the
 * values it has (a reviewer who did not tag a claim adds nothing to it), and units with fewer
 * than two values are not pairable and are left out. Through the coincidence matrix:
 * Dₒ = (1/n) Σᵤ Σ_{i≠j} δ(vᵤᵢ, vᵤⱼ) / (mᵤ − 1) and Dₑ = Σ_{c,k} n_c n_k δ(c, k) / (n(n − 1)),
 * n the number of pairable values, n_c how many of them are c (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability"). Values are grouped first, so the cost grows
 * with the number of distinct values squared, not with the number of values.
 */
export function krippendorffAlpha(units: readonly (readonly string[])[], distance: Distance = nominalDistance): Figure {
  const pairable = units.filter((u) => u.length >= 2);
  if (pairable.length === 0) return { value: null, n: 0, reason: "no-overlap" };
  const cache = new Map<string, number>();
  const delta = (a: string, b: string): number => {
    if (a === b) return 0;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let d = cache.get(key);
    if (d === undefined) {
      d = distance(a, b);
      cache.set(key, d);
    }
    return d;
  };
  const marginals = new Map<string, number>();
  let n = 0;
  let observed = 0;
  for (const unit of pairable) {
    const counts = new Map<string, number>();
    for (const v of unit) counts.set(v, (counts.get(v) ?? 0) + 1);
    let sum = 0;
    for (const [a, na] of counts) for (const [b, nb] of counts) if (a !== b) sum += na * nb * delta(a, b);
    observed += sum / (unit.length - 1);
    n += unit.length;
    for (const [v, c] of counts) marginals.set(v, (marginals.get(v) ?? 0) + c);
  }
  let expected = 0;
  for (const [a, na] of marginals) for (const [b, nb] of marginals) if (a !== b) expected += na * nb * delta(a, b);
  const dO = observed / n;
  const dE = expected / (n * (n - 1));
  if (dE < 1e-12) return { value: null, n: pairable.length, reason: "no-variation" };
  return { value: 1 - dO / dE, n: pairable.length };
}
