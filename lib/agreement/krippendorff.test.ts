import { describe, expect, it } from "vitest";
import { krippendorffAlpha, nominalDistance } from "./krippendorff";

describe("krippendorffAlpha (nominal)", () => {
  it("reproduces the reliability data with missing values (Krippendorff; Wikipedia): α = 0.691", () => {
    // 3 coders × 15 units; "*" is a missing value.
    const coders = [
      "* * * * * 3 4 1 2 1 1 3 3 * 3",
      "1 * 2 1 3 3 4 3 * * * * * * *",
      "* * 2 1 3 4 4 * 2 1 1 3 3 * 4",
    ].map((line) => line.split(" "));
    const units = coders[0].map((_, u) => coders.map((c) => c[u]).filter((v) => v !== "*"));
    // By hand: units 1, 2 and 14 have fewer than two values and drop out; the remaining 12
    // units hold n = 26 values: seven 1s, four 2s, ten 3s, five 4s. Disagreeing coincidences:
    // unit 6 (3,3,4) gives 2·2·1/(3−1) = 2, unit 8 (1,3) gives 2, unit 15 (3,4) gives 2: 6 in all.
    // Dₒ = 6/26; Dₑ = (26² − (7² + 4² + 10² + 5²)) / (26·25) = 486/650.
    const byHand = 1 - 6 / 26 / (486 / 650);
    const alpha = krippendorffAlpha(units, nominalDistance);
    expect(alpha.n).toBe(12);
    expect(alpha.value).toBeCloseTo(byHand, 12);
    expect(alpha.value!.toFixed(3)).toBe("0.691");
  });

  it("reproduces Artstein & Poesio (2008): α ≈ 0.80 on their κ = 0.8013 data", () => {
    const units = [
      ...Array.from({ length: 46 }, () => ["STAT", "STAT"]),
      ...Array.from({ length: 6 }, () => ["IReq", "STAT"]),
      ...Array.from({ length: 32 }, () => ["IReq", "IReq"]),
      ...Array.from({ length: 6 }, () => ["IReq", "Chck"]),
      ...Array.from({ length: 10 }, () => ["Chck", "Chck"]),
    ];
    // By hand: n = 200 values; STAT 98, IReq 76, Chck 26; 12 disagreeing units → 24 coincidences.
    // Dₒ = 24/200; Dₑ = (200² − (98² + 76² + 26²)) / (200·199) = 23944/39800.
    const byHand = 1 - 24 / 200 / (23944 / 39800);
    const alpha = krippendorffAlpha(units);
    expect(alpha.value).toBeCloseTo(byHand, 12);
    expect(alpha.value!.toFixed(2)).toBe("0.80");
    expect(alpha.n).toBe(100);
  });

  it("has no value, not NaN, with no pairable unit or no variation", () => {
    expect(krippendorffAlpha([["a"], [], ["b"]])).toMatchObject({ value: null, n: 0, reason: "no-overlap" });
    expect(
      krippendorffAlpha([
        ["a", "a"],
        ["a", "a", "a"],
      ]),
    ).toMatchObject({ value: null, n: 2, reason: "no-variation" });
  });

  it("uses the distance it is given", () => {
    // Two units, (x, y) and (x, x): with δ(x, y) = 0.5 disagreement halves.
    const half = krippendorffAlpha(
      [
        ["x", "y"],
        ["x", "x"],
      ],
      (a, b) => (a === b ? 0 : 0.5),
    );
    // Dₒ = 2·0.5/4 = 0.25; values x×3, y×1: Dₑ = 2·3·1·0.5/(4·3) = 0.25 → α = 0.
    expect(half.value).toBeCloseTo(0, 12);
  });
});
