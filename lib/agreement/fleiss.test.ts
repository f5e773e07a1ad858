import { describe, expect, it } from "vitest";
import { fleissKappa } from "./fleiss";

/**
 * Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (depression,
 * personality disorder, schizophrenia, neurosis, other); counts of raters per diagnosis.
 */
const FLEISS_1971 = [
  [0, 0, 0, 6, 0],
  [0, 3, 0, 0, 3],
  [0, 1, 4, 0, 1],
  [0, 0, 0, 0, 6],
  [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0],
  [0, 0, 4, 0, 2],
  [2, 0, 3, 1, 0],
  [2, 0, 0, 4, 0],
  [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0],
  [1, 1, 0, 4, 0],
  [0, 3, 3, 0, 0],
  [1, 0, 0, 5, 0],
  [0, 2, 0, 3, 1],
  [0, 0, 5, 0, 1],
  [3, 0, 0, 1, 2],
  [5, 1, 0, 0, 0],
  [0, 2, 0, 4, 0],
  [1, 0, 2, 0, 3],
  [0, 0, 0, 0, 6],
  [0, 1, 0, 5, 0],
  [0, 2, 0, 1, 3],
  [2, 0, 0, 4, 0],
  [1, 0, 0, 4, 1],
  [0, 5, 0, 1, 0],
  [4, 0, 0, 0, 2],
  [0, 2, 0, 4, 0],
  [1, 0, 5, 0, 0],
  [0, 0, 0, 0, 6],
];

describe("fleissKappa", () => {
  it("reproduces Fleiss (1971): 30 subjects × 6 raters × 5 categories, κ = 0.430", () => {
    expect(FLEISS_1971).toHaveLength(30);
    for (const row of FLEISS_1971) expect(row.reduce((s, x) => s + x, 0)).toBe(6);
    // By hand, Fleiss's own steps: Pᵢ = Σⱼ nᵢⱼ(nᵢⱼ−1) / (6·5); P̄ = mean Pᵢ;
    // pⱼ = column total / 180; Pₑ = Σ pⱼ².
    const columns = [0, 1, 2, 3, 4].map((j) => FLEISS_1971.reduce((s, row) => s + row[j], 0));
    expect(columns).toEqual([26, 26, 30, 55, 43]); // Fleiss: pⱼ = .144, .144, .167, .306, .239
    const pBar = FLEISS_1971.reduce((s, row) => s + row.reduce((t, x) => t + x * (x - 1), 0) / 30, 0) / 30;
    const pE = columns.reduce((s, c) => s + (c / 180) ** 2, 0);
    const byHand = (pBar - pE) / (1 - pE);
    const k = fleissKappa(FLEISS_1971);
    expect(k.n).toBe(30);
    expect(k.value).toBeCloseTo(byHand, 12);
    expect(k.value!.toFixed(3)).toBe("0.430");
  });

  it("takes each unit's agreement over its own raters when their number varies", () => {
    // Unit 1: two raters agree (P = 1); unit 2: three raters, 2 a + 1 b (P = 2/6).
    // p_a = 4/5, p_b = 1/5 → Pₑ = 17/25; P̄ = 2/3 → κ = (2/3 − 17/25)/(8/25) = −1/24.
    const pBar = (1 + 2 / 6) / 2;
    const pE = (4 / 5) ** 2 + (1 / 5) ** 2;
    expect((pBar - pE) / (1 - pE)).toBeCloseTo(-1 / 24, 12);
    expect(
      fleissKappa([
        [2, 0],
        [2, 1],
      ]).value,
    ).toBeCloseTo((pBar - pE) / (1 - pE), 12);
  });

  it("has no value, not NaN, without two raters on a unit or without variation", () => {
    expect(
      fleissKappa([
        [1, 0],
        [0, 1],
      ]),
    ).toMatchObject({ value: null, n: 0, reason: "no-overlap" });
    expect(
      fleissKappa([
        [3, 0],
        [2, 0],
      ]),
    ).toMatchObject({ value: null, n: 2, reason: "no-variation" });
  });
});
