import { describe, expect, it } from "vitest";
import { splitClauses } from "./clauses";
import { claimCue } from "./cues";
import { cohensKappa, macroF1, scoreSuggestions } from "./measure";
import { analyse, tokenize } from "./nlp";
import { suggestClaims } from "./suggest-claims";
import { splitUnits } from "./units";

const cue = (s: string) => claimCue(s, analyse(s));

describe("splitUnits", () => {
  it("splits paragraphs, list lines, sentences and semicolon clauses, separators trimmed", () => {
    const text =
      "First sentence here. Second one follows!\n\n- item one is listed\n- item two is listed\n\nA clause; another clause.";
    expect(splitUnits(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "First sentence here.",
      "Second one follows!",
      "- item one is listed",
      "- item two is listed",
      "A clause",
      "another clause.",
    ]);
  });
});

describe("splitClauses", () => {
  const parts = (s: string) => splitClauses(s, tokenize(s)).map((p) => s.slice(p.start, p.end));

  it.each([
    [
      "Officers act as partners, and the relationship allows agencies to benefit.",
      ["Officers act as partners", "the relationship allows agencies to benefit."],
    ],
    [
      "The key model allows direct enforcement in jails, while the other model is more limited.",
      ["The key model allows direct enforcement in jails", "while the other model is more limited."],
    ],
    [
      "The old bridge, opened more than 40 years ago, carries trains across the river.",
      ["The old bridge", "opened more than 40 years ago", "carries trains across the river."],
    ],
    [
      "Having spent two decades in nursing, I know the value of rest.",
      ["Having spent two decades in nursing", "I know the value of rest."],
    ],
    [
      "The clinic treated approximately 775 patients for flu, 704 for injuries, and 21 for burns.",
      ["The clinic treated approximately 775 patients for flu", "704 for injuries", "21 for burns."],
    ],
    [
      "The plan has been a success and is supported by teachers across the state.",
      ["The plan has been a success", "is supported by teachers across the state."],
    ],
    [
      "The new law — which lets cities raise taxes — is under attack everywhere.",
      ["The new law — which lets cities raise taxes", "is under attack everywhere."],
    ],
    [
      "By teaching pupils to read, write, and count, the school prepares them for work.",
      ["By teaching pupils to read, write, and count", "the school prepares them for work."],
    ],
    [
      "Night Service Model: Introduced in 2019, the night service is more limited in scope.",
      ["Night Service Model", "Introduced in 2019", "the night service is more limited in scope."],
    ],
  ])("%s", (sentence, expected) => {
    expect(parts(sentence)).toEqual(expected);
  });

  it.each([
    ["Officers arrest and book the suspect before noon."],
    ["They value federal, state, and local collaboration."],
    ["If the agency cannot act in a jail, officers are forced into the street."],
    ["The meeting on July 4, 2020, was short."],
  ])("keeps %s whole", (sentence) => {
    expect(parts(sentence)).toEqual([sentence]);
  });
});

describe("claimCue", () => {
  it.each([
    ["Between 2017 and 2021 the number of departments increased from 36 to 149.", "statistic", /figure: “36”/],
    ["Agencies paid $3 million for the program last year.", "statistic", /\$3 million/],
    [
      "Section 287(g) of the Immigration and Nationality Act allows DHS to deputize officers.",
      "legal-fact",
      /citation/,
    ],
    ["The 287(g) program allows local officers to serve administrative warrants.", "legal-fact", /permits or requires/],
    ["Congress should end this program at once.", "opinion", /modal: “should”/],
    ["It is the best tool sheriffs have ever had.", "opinion", /superlative/],
    ["Over the past four years, the town grew its library.", "statistic", /duration: “four years”/],
    ["Dozens of mayors signed the letter last spring.", "statistic", /amount in words: “dozens”/],
    ["Officers serve warrants and transport suspects to custody.", "legal-fact", /officers do: “warrants”/],
    ["The reckless plan hurts the towns it was meant to help.", "opinion", /evaluative wording: “reckless”/],
    ["The suspect was arrested and booked into the county jail.", "legal-fact", /officers do/],
    ["The Clean Water Act of 1972 set limits on what factories may discharge.", "legal-fact", /citation: “Water Act”/],
    ["I have often said that small towns need their own clinics.", "opinion", /own view: “i have often said”/],
    ["In recent years, the mayor has talked with the unions every month.", "opinion", /argument/],
  ])("%s → %s", (sentence, tag, reason) => {
    expect(cue(sentence)).toMatchObject({ tag, reason: expect.stringMatching(reason) });
  });

  it("does not count a statute's name (287(g)) as a figure", () => {
    expect(cue("The 287(g) program enhances the safety of communities.")?.tag).not.toBe("statistic");
  });

  it.each([
    ["Is this really what we want?"],
    ["Subscribe to our newsletter for more."],
    ["Comments are closed."],
    ["Too short."],
    ["Warrant Service Officer (WSO) Model"],
  ])("skips %s", (s) => {
    expect(cue(s)).toBeNull();
  });
});

describe("suggestClaims", () => {
  it("returns spans that quote the text exactly, each with a reason", () => {
    const text = "Officers trained: 12 in 2019.\n\nWe must keep this program. Is it fair?";
    const s = suggestClaims(text);
    expect(s.map((x) => [x.exact, x.tag])).toEqual([
      ["Officers trained: 12 in 2019.", "statistic"],
      ["We must keep this program.", "opinion"],
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.exact);
  });
});

describe("measures", () => {
  it("scores recall, strict recall and precision by span overlap", () => {
    const claims = [
      { start: 0, end: 10, tag: "statistic" },
      { start: 20, end: 30, tag: "opinion" },
    ];
    const score = scoreSuggestions(claims, [
      { start: 0, end: 12, tag: "statistic" },
      { start: 18, end: 60, tag: "opinion" },
      { start: 70, end: 80, tag: "none" },
    ]);
    expect(score).toMatchObject({ recall: 1, strictRecall: 0.5, matchedPairs: 1 });
    expect(score.precision).toBeCloseTo(2 / 3);
  });

  it("computes Cohen's κ and macro-F1 on known cases", () => {
    expect(
      cohensKappa([
        ["a", "a"],
        ["b", "b"],
        ["a", "a"],
        ["b", "b"],
      ]),
    ).toBe(1);
    expect(
      cohensKappa([
        ["a", "b"],
        ["b", "a"],
      ]),
    ).toBe(-1);
    expect(macroF1([true, false, true, false], [true, false, false, false])).toBeCloseTo((2 / 3 + 0.8) / 2);
  });
});
