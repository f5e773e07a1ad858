import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stepSpan, trimSpan } from "./word-steps";

const text = "The program encountered 775 aliens convicted for assault.";
const span = { start: text.indexOf("775"), end: text.indexOf(" aliens") };

describe("stepSpan", () => {
  it("extends and shrinks either end by a word", () => {
    const show = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    expect(show(stepSpan(text, span, "start-earlier"))).toBe("encountered 775");
    expect(show(stepSpan(text, span, "end-later"))).toBe("775 aliens");
    const wide = { start: text.indexOf("encountered"), end: text.indexOf(" for") };
    expect(show(stepSpan(text, wide, "start-later"))).toBe("775 aliens convicted");
    expect(show(stepSpan(text, wide, "end-earlier"))).toBe("encountered 775 aliens");
  });

  it("never empties a span or leaves the text", () => {
    fc.assert(
      fc.property(
        fc.nat(text.length - 1),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom("start-earlier", "start-later", "end-later", "end-earlier" as const),
        (start, len, step) => {
          const s = { start, end: Math.min(text.length, start + len) };
          const moved = stepSpan(text, s, step);
          expect(moved.end).toBeGreaterThan(moved.start);
          expect(moved.start).toBeGreaterThanOrEqual(0);
          expect(moved.end).toBeLessThanOrEqual(text.length);
        },
      ),
    );
  });
});

describe("trimSpan", () => {
  it("drops surrounding whitespace and refuses whitespace-only spans", () => {
    expect(trimSpan("a  bc  d", { start: 1, end: 6 })).toEqual({ start: 3, end: 5 });
    expect(trimSpan("a   d", { start: 1, end: 4 })).toBeNull();
  });
});
