import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimsAt, groupByParagraph, overlapRuns, paragraphIndexAt } from "./claim-index";

const paragraphs = [
  { start: 0, end: 40 },
  { start: 42, end: 80 },
  { start: 82, end: 120 },
];

describe("groupByParagraph", () => {
  it("puts each claim in the paragraph its start falls in, keeping order", () => {
    const claims = [
      { id: "a", start: 2, end: 9 },
      { id: "b", start: 50, end: 70 },
      { id: "c", start: 55, end: 60 },
      { id: "d", start: 90, end: 100 },
    ];
    expect(groupByParagraph(paragraphs, claims).map((g) => g.map((c) => c.id))).toEqual([["a"], ["b", "c"], ["d"]]);
  });
});

describe("paragraphIndexAt", () => {
  it("finds the paragraph by binary search", () => {
    expect(paragraphIndexAt(paragraphs, 0)).toBe(0);
    expect(paragraphIndexAt(paragraphs, 41)).toBe(0);
    expect(paragraphIndexAt(paragraphs, 42)).toBe(1);
    expect(paragraphIndexAt(paragraphs, 119)).toBe(2);
  });
});

describe("claimsAt", () => {
  it("lists the claims covering a character, innermost first, so clicks cycle inward to outward", () => {
    const claims = [
      { id: "outer", start: 0, end: 20 },
      { id: "inner", start: 5, end: 10 },
      { id: "overlap", start: 8, end: 25 },
    ];
    expect(claimsAt(claims, 9).map((c) => c.id)).toEqual(["inner", "overlap", "outer"]);
    expect(claimsAt(claims, 10).map((c) => c.id)).toEqual(["overlap", "outer"]);
    expect(claimsAt(claims, 25)).toEqual([]);
  });
});

describe("overlapRuns", () => {
  it("marks where two or more claims cover the text, capped", () => {
    const claims = [
      { start: 0, end: 20 },
      { start: 5, end: 10 },
      { start: 8, end: 25 },
    ];
    expect(overlapRuns(claims, 3)).toEqual([
      { start: 5, end: 8, depth: 2 },
      { start: 8, end: 10, depth: 3 },
      { start: 10, end: 20, depth: 2 },
    ]);
  });

  it("agrees with counting claims character by character", () => {
    const span = fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 30 })).map(([s, n]) => ({ start: s, end: s + n }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 15 }), (claims) => {
        const runs = overlapRuns(claims, 3);
        for (let at = 0; at < 100; at++) {
          const count = Math.min(3, claims.filter((c) => c.start <= at && at < c.end).length);
          const run = runs.find((r) => r.start <= at && at < r.end);
          if (count < 2) expect(run).toBeUndefined();
          else expect(run?.depth).toBe(count);
        }
      }),
    );
  });
});
