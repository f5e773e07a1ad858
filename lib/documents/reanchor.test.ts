import { describe, expect, it } from "vitest";
import { describeSpan } from "@/lib/anchoring/describe-span";
import { enclosingParagraph, splitParagraphs } from "@/lib/anchoring/paragraphs";
import type { StoredSelectors } from "@/lib/anchoring/types";
import { EDITS, measureReanchoring } from "@/tests/bench/lib/reanchor-edits";
import { reanchorClaim } from "./reanchor";

function claimOn(text: string, phrase: string, occurrence = 0): StoredSelectors {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  const span = { start, end: start + phrase.length };
  const { quote } = describeSpan(text, span);
  const p = enclosingParagraph(splitParagraphs(text), span)!;
  return {
    ...span,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    paragraphStart: p.start,
    paragraphEnd: p.end,
  };
}

const TEXT =
  "The title of the piece\n\nThe program removed 920 people in 2019. Critics disagree.\n\nIn 2019 the county also signed up.";

describe("reanchorClaim", () => {
  it("keeps a claim whose text did not change where it was: unchanged", () => {
    const claim = claimOn(TEXT, "removed 920 people");
    const r = reanchorClaim(`${TEXT}\n\nA new closing paragraph.`, claim);
    expect(r).toMatchObject({ state: "unchanged", selectors: { start: claim.start, exact: "removed 920 people" } });
  });

  it("finds a claim shifted by an insertion: moved, with new offsets and context", () => {
    const claim = claimOn(TEXT, "removed 920 people");
    const next = `Update: corrected.\n\n${TEXT}`;
    const r = reanchorClaim(next, claim);
    expect(r.state).toBe("moved");
    if (r.state !== "orphaned") expect(next.slice(r.selectors.start, r.selectors.end)).toBe("removed 920 people");
  });

  it("flags an edited quote as fuzzy, never as unchanged or moved", () => {
    const claim = claimOn(TEXT, "The program removed 920 people in 2019");
    const r = reanchorClaim(TEXT.replace("920", "930"), claim);
    expect(r).toMatchObject({ state: "fuzzy", selectors: { exact: "The program removed 930 people in 2019" } });
  });

  it("orphans a claim whose passage is gone", () => {
    const claim = claimOn(TEXT, "Critics disagree.");
    expect(reanchorClaim(TEXT.replace(" Critics disagree.", ""), claim)).toMatchObject({ state: "orphaned" });
  });

  it("does not silently pick one of several look-alike occurrences when the context is gone", () => {
    const claim = claimOn(TEXT, "in 2019");
    // The claim's sentence is rewritten; "In 2019" elsewhere differs in case, "in 2019" appears in new text twice.
    const next = "The title of the piece\n\nSomething else happened in 2019.\n\nAnd in 2019 more.";
    const r = reanchorClaim(next, claim);
    expect(["fuzzy", "orphaned"]).toContain(r.state);
  });

  it("does not move an edited headline onto its repeated copy", () => {
    const text = "Police cooperation builds trust\n\nPolice cooperation builds trust\n\nBody text follows here.";
    const claim = claimOn(text, "Police cooperation builds trust");
    // A small edit: found in place, flagged.
    const small = reanchorClaim(text.replace("builds", "build"), claim);
    expect(small).toMatchObject({ state: "fuzzy", selectors: { start: 0 } });
    // A word of a short headline replaced: too unlike to place; the copy is not taken instead.
    expect(reanchorClaim(text.replace("cooperation", "partnership"), claim).state).toBe("orphaned");
  });
});

describe("re-anchoring the five documents under each edit (the reanchor benchmark's cases)", () => {
  const results = measureReanchoring();
  it.each(EDITS.map((e) => [e]))("%s: no claim is moved onto the wrong passage", (edit) => {
    const r = results.find((x) => x.edit === edit)!;
    expect(r.cases).toBeGreaterThan(150);
    expect(r.wrong).toEqual([]);
    expect(r.movedWrongly).toBe(0);
    // Edits outside the quote leave every claim found; edits inside may orphan a few short ones.
    if (edit !== "a word replaced in the quote") expect(r.orphaned).toBe(0);
    else expect(r.orphaned).toBeLessThanOrEqual(10);
  });
});
