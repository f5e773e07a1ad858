import { describe, expect, it } from "vitest";
import type { ClaimForReading } from "../db/claim-reads";
import { excludeDocuments, redactClaim } from "./independent-review";

const claim = (tags: [string, string][], verdict: ClaimForReading["verdict"] = null) =>
  ({
    id: "c1",
    suggestedTags: ["opinion"],
    reviewerTags: tags.map(([reviewerId, tag]) => ({ reviewerId, tag, reviewerName: reviewerId })),
    verdict,
  }) as unknown as ClaimForReading;

describe("redactClaim", () => {
  it("hides others' tags and the verdict until the viewer has tagged the claim", () => {
    const hidden = redactClaim(claim([["bob", "opinion"]], { tags: ["opinion"], reason: "r" }), "ann");
    expect(hidden.reviewerTags).toEqual([]);
    expect(hidden.verdict).toBeNull();
    expect(hidden.suggestedTags).toEqual(["opinion"]);
    const shown = claim([
      ["bob", "opinion"],
      ["ann", "statistic"],
    ]);
    expect(redactClaim(shown, "ann")).toBe(shown);
  });
});

describe("excludeDocuments", () => {
  it("adds a -doc: filter per document, and leaves the query alone when there is none", () => {
    expect(excludeDocuments("police", ["a-doc", "b"])).toBe("police -doc:a-doc -doc:b");
    expect(excludeDocuments("police", [])).toBe("police");
  });
});
