import { describe, expect, it } from "vitest";
import { masiDistance } from "./masi";

describe("masiDistance", () => {
  it("is 0 for equal sets and 1 for disjoint ones", () => {
    expect(masiDistance("opinion", "opinion")).toBe(0);
    expect(masiDistance("opinion", "statistic")).toBe(1);
  });

  it("scores a subset (J = 1/2, M = 2/3) milder than an overlap (J = 1/3, M = 1/3)", () => {
    expect(masiDistance("statistic", "legal-fact+statistic")).toBeCloseTo(1 - (1 / 2) * (2 / 3), 12);
    expect(masiDistance("opinion+statistic", "legal-fact+statistic")).toBeCloseTo(1 - (1 / 3) * (1 / 3), 12);
  });
});
