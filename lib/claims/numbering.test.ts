import { describe, expect, it } from "vitest";
import { claimNumbers } from "./numbering";

const seeded = "2026-11-01T10:00:00.000Z";
const claim = (id: string, start: number, end: number, createdAt = seeded) => ({ id, start, end, createdAt });

describe("claimNumbers", () => {
  it("numbers claims made together in reading order, outer before nested", () => {
    const numbers = claimNumbers([claim("c", 50, 60), claim("a", 0, 10), claim("inner", 2, 5), claim("b", 20, 30)]);
    expect([...numbers]).toEqual([
      ["a", 1],
      ["inner", 2],
      ["b", 3],
      ["c", 4],
    ]);
  });

  it("gives a new claim the next number without renumbering the others, and keeps a deleted claim's number", () => {
    const before = claimNumbers([claim("a", 0, 10), claim("b", 20, 30), claim("c", 50, 60)]);
    const added = claimNumbers([
      claim("a", 0, 10),
      claim("b", 20, 30),
      claim("c", 50, 60),
      claim("new", 12, 18, "2026-11-02T09:00:00.000Z"),
    ]);
    for (const [id, n] of before) expect(added.get(id)).toBe(n);
    expect(added.get("new")).toBe(4);
  });

  it("accepts Dates as well as ISO strings", () => {
    expect(
      claimNumbers([
        claim("late", 0, 5, "2026-11-03T00:00:00Z"),
        { ...claim("early", 9, 12), createdAt: new Date(seeded) },
      ]).get("early"),
    ).toBe(1);
  });
});
