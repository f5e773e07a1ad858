import { describe, expect, it } from "vitest";
import { countTags, finalTags } from "./counting-rule";

const claim = (suggestedTags: string[], reviewerTags: [string, string][] = []) => ({
  suggestedTags,
  reviewerTags: reviewerTags.map(([reviewerId, tag]) => ({ reviewerId, tag })),
});

describe("the tag counting rule", () => {
  it("counts the suggestion until a reviewer tags, then the reviewers' majority only", () => {
    expect(finalTags(claim(["statistic"])).tags).toEqual(["statistic"]);
    // One reviewer replaces the suggestion: not suggestion + reviewer.
    expect(finalTags(claim(["statistic"], [["ada", "opinion"]])).tags).toEqual(["opinion"]);
    expect(
      finalTags(
        claim(
          [],
          [
            ["ada", "opinion"],
            ["bob", "opinion"],
            ["cy", "statistic"],
          ],
        ),
      ).tags,
    ).toEqual(["opinion"]);
    expect(
      finalTags(
        claim(
          ["statistic"],
          [
            ["ada", "opinion"],
            ["bob", "statistic"],
          ],
        ),
      ).tags,
    ).toEqual([]);
  });

  it("counts each claim once per final tag, and splits as no consensus", () => {
    // The case: suggested statistic + a reviewer's opinion used to count as both.
    expect(
      countTags([
        claim(["statistic"]),
        claim(["statistic"], [["ada", "opinion"]]),
        claim(
          ["statistic"],
          [
            ["ada", "statistic"],
            ["bob", "statistic"],
          ],
        ),
        claim(
          [],
          [
            ["ada", "opinion"],
            ["bob", "legal-fact"],
          ],
        ),
      ]),
    ).toEqual({ claims: 4, byTag: { statistic: 2, opinion: 1 }, noConsensus: 1 });
  });
});
