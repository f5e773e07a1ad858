import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contextsFor } from "./context";
import { detectLinks } from "./detect";
import type { DetectClaim } from "./types";

/** A small corpus with known links: one figure in four documents, a restated fact, noise. */
function claim(id: string, doc: string, exact: string, before = "", statement: string | null = null): DetectClaim {
  return { id, documentId: doc, documentLabel: `Doc ${doc}`, exact, statement, kind: "factual", before };
}

const CORPUS: DetectClaim[] = [
  claim("a1", "A", "approximately 920 aliens convicted for assault", "In FY 2020, ICE encountered "),
  claim(
    "b1",
    "B",
    "920 for assault",
    "ICE announced the results for Fiscal Year 2020. Officers apprehended aliens:\n\n• ",
  ),
  claim("c1", "C", "920 convicted for assault", "From October 2017 to September 2020, agencies encountered "),
  claim("d1", "D", "920 aliens convicted for assault", "In FY 2020, ICE encountered "),
  claim("e1", "E", "775 aliens convicted for assault", "In FY 2020, agencies encountered "),
  claim("b2", "B", "Section 287(g) was added to the Immigration and Nationality Act in 1996."),
  claim("c2", "C", "Congress added Section 287(g) to the Immigration and Nationality Act in 1996."),
  claim("d2", "D", "Local sheriffs in Georgia ended their agreements after the election."),
  claim("a3", "A", "920 officers attended the training conference"),
];

describe("detectLinks on a fixture corpus", () => {
  const groups = detectLinks(CORPUS);
  const find = (relation: string, id: string) =>
    groups.filter((g) => g.relation === relation && g.members.some((m) => m.claimId === id));

  it("makes one same-figure group of one figure in four documents, with its flags", () => {
    const [g] = find("same-figure", "b1");
    expect(g.members.map((m) => m.claimId).sort()).toEqual(["a1", "b1", "c1", "d1"]);
    expect(g.flags.map((f) => f.kind).sort()).toEqual(["period", "qualifier", "verb"]);
    expect(g.flags.find((f) => f.kind === "period")?.reason).toMatch(
      /FY 2020.*Oct 2017 – Sep 2020|Oct 2017 – Sep 2020.*FY 2020/,
    );
    expect(find("same-figure", "b1")).toHaveLength(1);
  });

  it("does not join a number that counts something else", () => {
    expect(find("same-figure", "a3")).toEqual([]);
  });

  it("flags different figures for the same measure and period as a related figure", () => {
    const [g] = find("related-figure", "e1");
    expect(g.members.map((m) => m.claimId)).toContain("d1");
    expect(g.flags.map((f) => f.kind)).toContain("figure");
  });

  it("suggests a restated fact by text similarity with a transparent reason, and nothing for unrelated claims", () => {
    const [g] = find("same-fact", "b2");
    expect(g.members.map((m) => m.claimId).sort()).toEqual(["b2", "c2"]);
    expect(g.reason).toMatch(/cosine 0\.\d\d; shared words: .*nationality/);
    expect(groups.some((x) => x.members.some((m) => m.claimId === "d2"))).toBe(false);
  });

  it("gives the same keys when run twice, so re-detection is idempotent", () => {
    expect(detectLinks(CORPUS).map((g) => g.key)).toEqual(groups.map((g) => g.key));
  });

  it("flags a pair of similar claims where one is negated", () => {
    const out = detectLinks([
      claim("x", "X", "The 287(g) program removes dangerous criminal aliens from local jails."),
      claim("y", "Y", "The 287(g) program does not remove dangerous criminal aliens from local jails."),
    ]);
    expect(out[0].flags).toMatchObject([{ kind: "contradiction" }]);
  });

  it("flags counts of two fiscal years that add up to more than the count given for a range containing both", () => {
    const out = detectLinks([
      claim(
        "x",
        "X",
        "approximately 775 aliens convicted for assault",
        "In fiscal year (FY) 2019, the program encountered ",
      ),
      claim("y", "Y", "920 for convicted for assault", "Results for Fiscal Year 2020:\n\n• "),
      claim(
        "z",
        "Z",
        "approximately 920 aliens convicted for assault",
        "From October 2017 to September 2020, agencies encountered ",
      ),
    ]);
    const related = out.find((g) => g.relation === "related-figure");
    expect(related?.flags.find((f) => f.kind === "figure")?.reason).toBe(
      "775 for FY 2019 (Oct 2018 – Sep 2019) in “Doc X” and 920 for FY 2020 (Oct 2019 – Sep 2020) in “Doc Y” add up to 1,695, more than the approximately 920 that “Doc Z” gives for Oct 2017 – Sep 2020, which contains both.",
    );
  });

  it("does not flag a range whose count is a floor (more than …)", () => {
    const out = detectLinks([
      claim("x", "X", "775 aliens convicted for assault", "In FY 2019, agencies encountered "),
      claim("y", "Y", "920 aliens convicted for assault", "In FY 2020, agencies encountered "),
      claim(
        "z",
        "Z",
        "more than 920 aliens convicted for assault",
        "From October 2017 to September 2020, agencies encountered ",
      ),
    ]);
    expect(out.find((g) => g.relation === "related-figure")?.members).toHaveLength(3);
    expect(out.flatMap((g) => g.flags).filter((f) => f.kind === "figure")).toEqual([]);
  });
});

describe("detectLinks on the five documents (curated claims)", () => {
  const seed = path.join(import.meta.dirname, "../../prisma/seed");
  const claims: DetectClaim[] = fs.readdirSync(path.join(seed, "claims")).flatMap((f) => {
    const file = JSON.parse(fs.readFileSync(path.join(seed, "claims", f), "utf8"));
    const text = fs.readFileSync(path.join(seed, "documents", file.document), "utf8");
    const contexts = contextsFor(
      text,
      file.claims.map((c: { start: number }) => c.start),
    );
    return file.claims.map((c: { id: string; exact: string; statement?: string; kind?: string }, i: number) => ({
      id: c.id,
      documentId: file.document,
      documentLabel: file.document.slice(0, 3),
      exact: c.exact,
      statement: c.statement ?? null,
      kind: c.kind ?? null,
      before: contexts[i],
    }));
  });
  const groups = detectLinks(claims);
  const membersOf = (relation: string) =>
    groups.filter((g) => g.relation === relation).map((g) => g.members.map((m) => m.claimId).sort());

  it("finds the six FY 2020 counts repeated in 003, each with its period flag", () => {
    const same = groups.filter((g) => g.relation === "same-figure");
    expect(same.map((g) => g.members.map((m) => m.claimId.slice(0, 3)).sort())).toEqual(Array(6).fill(["002", "003"]));
    for (const g of same) expect(g.flags.map((f) => f.kind)).toContain("period");
  });

  it("groups three wordings of what 287(g) allows, keeps the 1996 pair apart from it", () => {
    expect(membersOf("same-fact")).toContainEqual(["000-c004", "001-c002", "002-c004"]);
    expect(membersOf("same-fact")).toContainEqual(["001-c015", "003-c006"]);
  });
});
