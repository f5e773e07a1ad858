import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentRange } from "./segments";

describe("segmentRange", () => {
  it("cuts nested and overlapping claims into runs that list every covering claim, innermost first", () => {
    const claims = [
      { id: "outer", start: 0, end: 20 },
      { id: "inner", start: 5, end: 10 },
      { id: "overlap", start: 15, end: 25 },
    ];
    expect(segmentRange({ start: 0, end: 30 }, claims)).toEqual([
      { start: 0, end: 5, claimIds: ["outer"], startingIds: ["outer"] },
      { start: 5, end: 10, claimIds: ["inner", "outer"], startingIds: ["inner"] },
      { start: 10, end: 15, claimIds: ["outer"], startingIds: [] },
      { start: 15, end: 20, claimIds: ["overlap", "outer"], startingIds: ["overlap"] },
      { start: 20, end: 25, claimIds: ["overlap"], startingIds: [] },
      { start: 25, end: 30, claimIds: [], startingIds: [] },
    ]);
  });

  it("always tiles the range exactly, and every claim's runs add up to the claim", () => {
    const claim = fc
      .tuple(fc.nat(100), fc.integer({ min: 1, max: 40 }))
      .map(([s, len]) => ({ start: s, end: s + len }));
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 12 }), (spans) => {
        const claims = spans.map((s, i) => ({ ...s, id: `c${i}` }));
        const range = { start: 10, end: 120 };
        const segments = segmentRange(range, claims);
        expect(segments[0].start).toBe(range.start);
        expect(segments.at(-1)!.end).toBe(range.end);
        for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBe(segments[i - 1].end);
        for (const c of claims) {
          const covered = segments.filter((s) => s.claimIds.includes(c.id)).reduce((n, s) => n + s.end - s.start, 0);
          expect(covered).toBe(Math.max(0, Math.min(c.end, range.end) - Math.max(c.start, range.start)));
        }
      }),
    );
  });
});
