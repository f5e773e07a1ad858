import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Span } from "./types";
import { type SpanStep, stepSpan, trimSpan } from "./word-steps";

const text = "The program encountered 775 aliens convicted for assault.";
const span = { start: text.indexOf("775"), end: text.indexOf(" aliens") };
const show = (t: string, s: Span) => t.slice(s.start, s.end);
const STEPS: SpanStep[] = ["start-earlier", "start-later", "end-later", "end-earlier"];
const INVERSE: Record<SpanStep, SpanStep> = {
  "start-earlier": "start-later",
  "start-later": "start-earlier",
  "end-later": "end-earlier",
  "end-earlier": "end-later",
};

describe("stepSpan", () => {
  it("extends and shrinks either end by a word", () => {
    expect(show(text, stepSpan(text, span, "start-earlier"))).toBe("encountered 775");
    expect(show(text, stepSpan(text, span, "end-later"))).toBe("775 aliens");
    const wide = { start: text.indexOf("encountered"), end: text.indexOf(" for") };
    expect(show(text, stepSpan(text, wide, "start-later"))).toBe("775 aliens convicted");
    expect(show(text, stepSpan(text, wide, "end-earlier"))).toBe("encountered 775 aliens");
  });

  it("carries the punctuation attached to a word, so end +1 then end −1 loses nothing", () => {
    const t = "Agencies may detain aliens for up to 48 hours, until ICE takes custody.";
    const s = { start: t.indexOf("for"), end: t.indexOf(" hours") };
    const later = stepSpan(t, s, "end-later");
    expect(show(t, later)).toBe("for up to 48 hours,");
    expect(stepSpan(t, later, "end-earlier")).toEqual(s);
    expect(show(t, stepSpan(t, stepSpan(t, later, "end-later"), "end-earlier"))).toBe("for up to 48 hours,");
    const quoted = "He said “Many of their crimes” were violent.";
    const q = { start: quoted.indexOf("of"), end: quoted.indexOf("”") };
    const earlier = stepSpan(quoted, q, "start-earlier");
    expect(show(quoted, earlier)).toBe("“Many of their crimes");
    expect(stepSpan(quoted, earlier, "start-later")).toEqual(q);
  });

  it("stays within its bounds (a claim never leaves its paragraph)", () => {
    const t = "First paragraph ends here.\n\nSecond one.";
    const s = { start: t.indexOf("ends"), end: t.indexOf("\n") };
    const paragraph = { start: 0, end: t.indexOf("\n") };
    expect(stepSpan(t, s, "end-later", paragraph)).toBe(s);
    expect(show(t, stepSpan(t, s, "end-later"))).toBe("ends here.\n\nSecond");
  });

  it("keeps a count with thousands separators as one word", () => {
    const t = "ICE removed 1,261 aliens.";
    const s = { start: t.indexOf("removed"), end: t.indexOf("removed") + "removed".length };
    expect(show(t, stepSpan(t, s, "end-later"))).toBe("removed 1,261");
  });

  it("is undone by the inverse step whenever both ends sit on whole words", () => {
    const words = "Section 287(g) of the Act, enacted in 1996, lets “local police” act as ICE officers.";
    const boundaries = [...words.matchAll(/[^\s]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    fc.assert(
      fc.property(
        fc.nat(boundaries.length - 1),
        fc.nat(boundaries.length - 1),
        fc.constantFrom(...STEPS),
        (a, b, step) => {
          const s = { start: boundaries[Math.min(a, b)].start, end: boundaries[Math.max(a, b)].end };
          const moved = stepSpan(words, s, step);
          if (moved === s) return; // the step was impossible
          expect(stepSpan(words, moved, INVERSE[step])).toEqual(s);
        },
      ),
    );
  });

  it("never empties a span or leaves the text", () => {
    fc.assert(
      fc.property(
        fc.nat(text.length - 1),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(...STEPS),
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
