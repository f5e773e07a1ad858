import { describe, expect, it } from "vitest";
import type { DraftClaimFile } from "../validation/curated-claims";
import { fillSelectors } from "./fill-selectors";
import { verifyCuratedClaims } from "./verify-claims";

const text = "Big Claim\n\nBig Claim\n\nIt rose from 36 to 149. Comments are closed.";
const draft: DraftClaimFile = {
  document: "009_test.txt",
  title: null,
  author: null,
  publication: null,
  date: null,
  claims: [
    { exact: "It rose from 36 to 149.", statement: "It rose.", kind: "factual", tags: ["statistic"] },
    { exact: "Big Claim", statement: "Big.", kind: "argumentative", tags: ["opinion"] },
  ],
  nonClaims: [
    { exact: "Big Claim", occurrence: 2, reason: "repeated headline" },
    { exact: "Comments are closed.", reason: "boilerplate" },
  ],
};

describe("fillSelectors", () => {
  it("numbers new claims in reading order and fills selectors that verify", () => {
    const curated = fillSelectors(text, draft);
    expect(curated.claims.map((c) => [c.id, c.start, c.exact])).toEqual([
      ["009-c001", 0, "Big Claim"],
      ["009-c002", 22, "It rose from 36 to 149."],
    ]);
    expect(curated.claims[1].prefix).toBe("Big Claim\n\nBig Claim\n\n");
    expect(curated.nonClaims[0]).toMatchObject({ start: 11, end: 20 });
    expect(verifyCuratedClaims(text, curated)).toEqual([]);
  });

  it("keeps existing ids and gives a new claim the next free number", () => {
    const first = fillSelectors(text, draft);
    const again = fillSelectors(text, {
      ...first,
      claims: [...first.claims, { exact: "36 to 149", statement: "Range.", kind: "factual", tags: ["statistic"] }],
    });
    expect(again.claims.map((c) => c.id)).toEqual(["009-c001", "009-c002", "009-c003"]);
    expect(again.claims.find((c) => c.id === "009-c002")!.exact).toBe("It rose from 36 to 149.");
  });

  it("names a quote that is not in the text", () => {
    expect(() =>
      fillSelectors(text, {
        ...draft,
        claims: [{ exact: "Not here", statement: "x", kind: "factual", tags: ["opinion"] }],
      }),
    ).toThrow(/"Not here" is not in the text/);
  });
});
