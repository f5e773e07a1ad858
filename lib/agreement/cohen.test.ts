import { describe, expect, it } from "vitest";
import { cohenKappa } from "./cohen";

/** n copies of the pair [a, b]. */
const times = (n: number, a: string, b: string): [string, string][] => Array.from({ length: n }, () => [a, b]);

describe("cohenKappa", () => {
  it("reproduces Artstein & Poesio (2008), Table 1: κ = 0.8013", () => {
    const pairs = [
      ...times(46, "STAT", "STAT"),
      ...times(6, "IReq", "STAT"),
      ...times(32, "IReq", "IReq"),
      ...times(6, "IReq", "Chck"),
      ...times(10, "Chck", "Chck"),
    ];
    // By hand: pₒ = (46 + 32 + 10) / 100 = 0.88. Coder A: STAT 46, IReq 44, Chck 10;
    // coder B: STAT 52, IReq 32, Chck 16. pₑ = .46·.52 + .44·.32 + .10·.16 = 0.396.
    const pE = 0.46 * 0.52 + 0.44 * 0.32 + 0.1 * 0.16;
    const byHand = (0.88 - pE) / (1 - pE);
    const k = cohenKappa(pairs);
    expect(k.n).toBe(100);
    expect(k.observed).toBeCloseTo(0.88, 10);
    expect(k.value).toBeCloseTo(byHand, 10);
    expect(k.value).toBeCloseTo(0.8013, 4);
    // The confusion table, rows A, columns B, categories sorted: Chck, IReq, STAT.
    expect(k.categories).toEqual(["Chck", "IReq", "STAT"]);
    expect(k.table).toEqual([
      [10, 0, 0],
      [6, 32, 6],
      [0, 0, 46],
    ]);
  });

  it("is 1 for perfect agreement over two categories and 0 at chance", () => {
    expect(cohenKappa([...times(3, "a", "a"), ...times(2, "b", "b")]).value).toBe(1);
    // A says a/b half the time each, B likewise, independently: pₒ = pₑ = 0.5.
    const chance = [...times(1, "a", "a"), ...times(1, "a", "b"), ...times(1, "b", "a"), ...times(1, "b", "b")];
    expect(cohenKappa(chance).value).toBe(0);
  });

  it("is negative when the raters systematically disagree", () => {
    // pₒ = 0, pₑ = 0.5 → κ = −1.
    expect(cohenKappa([...times(2, "a", "b"), ...times(2, "b", "a")]).value).toBe(-1);
  });

  it("has no value, not NaN, with no shared claim or no variation", () => {
    expect(cohenKappa([])).toMatchObject({ value: null, n: 0, reason: "no-overlap" });
    expect(cohenKappa(times(5, "a", "a"))).toMatchObject({ value: null, n: 5, reason: "no-variation", observed: 1 });
  });
});
