import { describe, expect, it } from "vitest";
import { formatFigure, landisKochBand, readFigure } from "./bands";

describe("Landis & Koch reading", () => {
  it("puts values in the published bands", () => {
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.5, 0.61, 0.8, 0.81, 1].map(landisKochBand)).toEqual([
      "poor",
      "slight",
      "slight",
      "fair",
      "fair",
      "moderate",
      "substantial",
      "substantial",
      "almost perfect",
      "almost perfect",
    ]);
  });

  it("reads a figure in plain words and never prints NaN", () => {
    expect(readFigure({ value: 0.8013, n: 100 })).toBe("almost perfect agreement (Landis & Koch), 100 claims");
    expect(readFigure({ value: -0.2, n: 1 })).toBe("less agreement than chance (Landis & Koch), 1 claim");
    expect(readFigure({ value: null, n: 0, reason: "one-reviewer" })).toMatch(/only one reviewer/);
    expect(formatFigure({ value: null, n: 3, reason: "no-variation" })).toBe("—");
    expect(formatFigure({ value: 0.43, n: 30 })).toBe("0.43");
  });
});
