import { describe, expect, it } from "vitest";
import { agreementReport } from "./report";
import type { ClaimJudgements } from "./types";

const claim = (claimId: string, sets: Record<string, string[]>): ClaimJudgements => ({
  claimId,
  judgements: Object.entries(sets).map(([reviewerId, tags]) => ({ reviewerId, tags })),
});

describe("agreementReport", () => {
  it("treats a claim a reviewer has not tagged as missing, not as 'no tag'", () => {
    const report = agreementReport([
      claim("c1", { ann: ["opinion"], bob: ["opinion"] }),
      claim("c2", { ann: ["statistic"], bob: ["statistic"] }),
      claim("c3", { ann: ["opinion"] }), // bob has not tagged c3: no information, no disagreement
      claim("c4", { ann: [], bob: ["statistic"] }), // an empty set is no judgement either
    ]);
    expect(report).toMatchObject({ reviewers: ["ann", "bob"], claims: 4, judged: 4, overlapping: 2 });
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0].kappa).toMatchObject({ value: 1, n: 2 });
    expect(report.alpha).toMatchObject({ value: 1, n: 2 });
    expect(report.mostDisagreed).toEqual([]);
  });

  it("computes a pair matrix, set-valued α and per-tag figures, and ranks disagreements", () => {
    const report = agreementReport(
      [
        claim("c1", { ann: ["statistic"], bob: ["statistic"], cy: ["statistic"] }),
        claim("c2", { ann: ["opinion"], bob: ["opinion"], cy: ["statistic"] }),
        claim("c3", { ann: ["statistic", "legal-fact"], bob: ["statistic"] }),
        claim("c4", { ann: ["opinion"], bob: ["legal-fact"], cy: ["statistic"] }),
      ],
      { tags: ["statistic", "opinion", "legal-fact", "unused"] },
    );
    expect(report.pairs.map((p) => `${p.a}-${p.b}:${p.kappa.n}`)).toEqual(["ann-bob:4", "ann-cy:3", "bob-cy:3"]);
    // ann-bob share c1..c4: agree on c1, c2 only. Categories legal-fact, legal-fact+statistic, opinion, statistic.
    // ann: l+s 1, opinion 2, statistic 1; bob: legal-fact 1, opinion 1, statistic 2.
    // pₒ = 2/4; pₑ = (2·1 + 1·2)/16 = 4/16 → κ = (0.5 − 0.25)/0.75 = 1/3.
    expect(report.pairs[0].kappa.value).toBeCloseTo(1 / 3, 12);
    // Set-valued α rates c3's subset as partial agreement, so it is above nominal α.
    expect(report.setAlpha.value!).toBeGreaterThan(report.alpha.value!);
    expect(report.perTag.map((t) => t.tag)).toEqual(["legal-fact", "opinion", "statistic", "unused"]);
    expect(report.perTag.find((t) => t.tag === "unused")).toMatchObject({
      applied: 0,
      alpha: { value: null, reason: "no-variation" },
    });
    expect(report.perTag.find((t) => t.tag === "statistic")!.applied).toBe(7);
    // c4: three pairwise disjoint sets (1); c2: one disjoint pair out of three (2/3); c3: subset (2/3).
    expect(report.mostDisagreed.map((d) => d.claimId)).toEqual(["c4", "c2", "c3"]);
    expect(report.mostDisagreed[0].disagreement).toBe(1);
    expect(report.mostDisagreed[2].judgements).toEqual([
      { reviewerId: "ann", tags: ["legal-fact", "statistic"] },
      { reviewerId: "bob", tags: ["statistic"] },
    ]);
  });

  it("explains the edge cases instead of NaN: one reviewer, no overlap, all identical", () => {
    const one = agreementReport([claim("c1", { ann: ["opinion"] }), claim("c2", { ann: ["statistic"] })]);
    expect(one.pairs).toEqual([]);
    for (const f of [one.fleiss, one.alpha, one.setAlpha])
      expect(f).toMatchObject({ value: null, reason: "one-reviewer" });

    const apart = agreementReport([claim("c1", { ann: ["opinion"] }), claim("c2", { bob: ["statistic"] })]);
    expect(apart.pairs[0].kappa).toMatchObject({ value: null, n: 0, reason: "no-overlap" });
    expect(apart.alpha).toMatchObject({ value: null, n: 0, reason: "no-overlap" });

    const same = agreementReport([
      claim("c1", { ann: ["opinion"], bob: ["opinion"] }),
      claim("c2", { ann: ["opinion"], bob: ["opinion"] }),
    ]);
    expect(same.pairs[0].kappa).toMatchObject({ value: null, reason: "no-variation", observed: 1 });
    expect(same.fleiss).toMatchObject({ value: null, reason: "no-variation", n: 2 });

    expect(JSON.stringify([one, apart, same])).not.toMatch(/NaN/);
    expect(agreementReport([])).toMatchObject({ claims: 0, reviewers: [], fleiss: { value: null } });
  });
});
