import { describe, expect, it } from "vitest";
import { consensusOf } from "./consensus";

const tag = (tag: string, reviewerId: string) => ({ tag, reviewerId });

describe("consensusOf", () => {
  it("falls back to the curated suggestion when no reviewer has tagged", () => {
    expect(consensusOf({ suggestedTags: ["statistic", "legal-fact"], reviewerTags: [] })).toEqual({
      tags: ["legal-fact", "statistic"],
      agreement: "suggested",
      reviewers: 0,
    });
  });

  it("is unanimous when every reviewer gave the same set", () => {
    const c = consensusOf({ suggestedTags: [], reviewerTags: [tag("opinion", "a"), tag("opinion", "b")] });
    expect(c).toEqual({ tags: ["opinion"], agreement: "unanimous", reviewers: 2 });
  });

  it("keeps tags that more than half applied", () => {
    const c = consensusOf({
      suggestedTags: [],
      reviewerTags: [tag("opinion", "a"), tag("opinion", "b"), tag("statistic", "b"), tag("statistic", "c")],
    });
    expect(c).toEqual({ tags: ["opinion", "statistic"], agreement: "majority", reviewers: 3 });
  });

  it("is split when two reviewers disagree completely", () => {
    expect(
      consensusOf({ suggestedTags: ["opinion"], reviewerTags: [tag("opinion", "a"), tag("statistic", "b")] }),
    ).toEqual({ tags: [], agreement: "split", reviewers: 2 });
  });

  it("takes a curator's final tags over the majority, even an empty verdict", () => {
    const reviewerTags = [tag("opinion", "a"), tag("opinion", "b"), tag("statistic", "c")];
    expect(consensusOf({ suggestedTags: [], reviewerTags, finalTags: ["statistic", "legal-fact"] })).toEqual({
      tags: ["legal-fact", "statistic"],
      agreement: "adjudicated",
      reviewers: 3,
    });
    expect(consensusOf({ suggestedTags: ["opinion"], reviewerTags: [], finalTags: [] })).toEqual({
      tags: [],
      agreement: "adjudicated",
      reviewers: 0,
    });
    expect(consensusOf({ suggestedTags: [], reviewerTags, finalTags: null }).agreement).toBe("majority");
  });
});
