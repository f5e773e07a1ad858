import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorSelectors } from "./anchor";
import { describeSpan } from "./describe-span";

/** Text long enough to hold a span, and a span inside it. */
const textAndSpan = fc
  .string({ unit: fc.constantFrom(..."abcdefghij klmnop.,’“”\n".split("")), minLength: 2, maxLength: 400 })
  .chain((text) =>
    fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
      .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
  );

function reanchor(text: string, original: string, start: number, end: number) {
  const { position, quote } = describeSpan(original, { start, end });
  return anchorSelectors(text, quote, position);
}

describe("anchorSelectors", () => {
  it("round trip: the selectors of any span anchor back to that span, by position", () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, start, end }) => {
        expect(reanchor(text, text, start, end)).toEqual({ anchored: true, method: "position", span: { start, end } });
      }),
    );
  });

  it("an edit before the claim shifts it; the quote finds it again", () => {
    fc.assert(
      fc.property(textAndSpan, fc.string({ minLength: 1, maxLength: 30 }), ({ text, start, end }, insert) => {
        const edited = text.slice(0, start) + insert + text.slice(start);
        const result = reanchor(edited, text, start, end);
        expect(result.anchored).toBe(true);
        if (result.anchored) expect(edited.slice(result.span.start, result.span.end)).toBe(text.slice(start, end));
      }),
    );
  });

  it("an edit after the claim leaves it where it was", () => {
    fc.assert(
      fc.property(textAndSpan, fc.string({ maxLength: 30 }), ({ text, start, end }, insert) => {
        const edited = text.slice(0, end) + insert + text.slice(end);
        expect(reanchor(edited, text, start, end)).toEqual({
          anchored: true,
          method: "position",
          span: { start, end },
        });
      }),
    );
  });

  const article =
    "The program began in 1996. In fiscal year 2019 it encountered approximately 775 aliens convicted for assault. Critics disagree.";
  const claim = { start: article.indexOf("approximately"), end: article.indexOf(" Critics") };

  it("a small edit inside the claim re-anchors it fuzzily, and says so", () => {
    const edited = article.replace("approximately 775", "approximately 776");
    const result = reanchor(edited, article, claim.start, claim.end);
    expect(result).toMatchObject({ anchored: true, method: "fuzzy" });
    if (result.anchored) expect(edited.slice(result.span.start, result.span.end)).toContain("776 aliens convicted");
  });

  it("a claim whose passage was rewritten is orphaned, never moved onto other text", () => {
    const edited = article.replace(/In fiscal year 2019.*assault\./, "Nothing else happened that year.");
    const result = reanchor(edited, article, claim.start, claim.end);
    expect(result.anchored).toBe(false);
    if (!result.anchored) expect(result.reason).toMatch(/no longer in the text/);
  });

  it("between repeated quotes, the context and old position choose the right one", () => {
    const text = "Headline here\n\nHeadline here\n\nBody.";
    const second = { start: 15, end: 28 };
    const edited = `Intro. ${text}`;
    const result = reanchor(edited, text, second.start, second.end);
    expect(result).toEqual({ anchored: true, method: "quote", span: { start: 22, end: 35 } });
  });

  it("refuses an empty quote", () => {
    expect(anchorSelectors("abc", { type: "TextQuoteSelector", exact: "", prefix: "", suffix: "" }).anchored).toBe(
      false,
    );
  });
});
