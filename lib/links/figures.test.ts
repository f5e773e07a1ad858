import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contextsFor } from "./context";
import { extractFigures } from "./figures";
import { findPeriods } from "./periods";

const DOCS = path.join(import.meta.dirname, "../../prisma/seed/documents");
const doc = (name: string) => fs.readFileSync(path.join(DOCS, name), "utf8");

/** The figures of one claim as the detector sees it: its text plus the text that leads up to it. */
function figuresOf(file: string, exact: string) {
  const text = doc(file);
  const start = text.indexOf(exact);
  expect(start, `"${exact}" is in ${file}`).toBeGreaterThanOrEqual(0);
  const [before] = contextsFor(text, [start]);
  return extractFigures(exact, before);
}

describe("findPeriods", () => {
  it("reads fiscal years in their three spellings as October to September", () => {
    for (const text of ["in FY 2020", "for Fiscal Year 2020.", "In fiscal year (FY) 2020,", "FY20"]) {
      expect(findPeriods(text), text).toMatchObject([{ from: "2019-10", to: "2020-09" }]);
    }
  });
  it("reads month ranges, year ranges, 'as of' months and calendar years", () => {
    expect(findPeriods("From October 2017 to September 2020, more")).toMatchObject([
      { text: "From October 2017 to September 2020", from: "2017-10", to: "2020-09" },
    ]);
    expect(findPeriods("Between 2017 and 2021, the number")).toMatchObject([{ from: "2017-01", to: "2021-12" }]);
    expect(findPeriods("As of May 2024, there are")).toMatchObject([{ from: "2024-05", to: "2024-05" }]);
    expect(findPeriods("Introduced in 2019")).toMatchObject([{ from: "2019-01", to: "2019-12" }]);
  });
  it("finds no period in a section number or a bare count", () => {
    expect(findPeriods("Section 287(g) allows 920 officers")).toEqual([]);
  });
});

describe("extractFigures on the five documents", () => {
  it("reads a count with a comma, its measure, and the period of the sentence before (003)", () => {
    const [f] = figuresOf("003_835a89ffea9099c7.txt", "1,261 convicted for illegal dangerous drugs such as fentanyl");
    expect(f).toMatchObject({
      value: 1261,
      raw: "1,261",
      qualifier: null,
      periodFrom: "context",
      verb: "encounter",
      source: "ICE",
    });
    expect(f.period).toMatchObject({ from: "2017-10", to: "2020-09" });
    expect(f.measureKey).toEqual(expect.arrayContaining(["dangerous", "drug"]));
  });

  it("keeps 'approximately' as the qualifier (003)", () => {
    const [f] = figuresOf(
      "003_835a89ffea9099c7.txt",
      "Affiliated law enforcement agencies encountered approximately 920 aliens convicted for assault",
    );
    expect(f).toMatchObject({ value: 920, qualifier: "approximately", verb: "encounter", measureKey: ["assault"] });
  });

  it("takes the period, verb and source of a list from its lead-in paragraph (002, Fiscal Year 2020)", () => {
    const [f] = figuresOf("002_aee067932d5add68.txt", "920 for convicted for assault");
    expect(f).toMatchObject({ value: 920, qualifier: null, verb: "apprehend", source: "ICE", measureKey: ["assault"] });
    expect(f.period).toMatchObject({ from: "2019-10", to: "2020-09", text: "Fiscal Year 2020" });
    const [last] = figuresOf("002_aee067932d5add68.txt", "37 for homicide");
    expect(last.period?.text).toBe("Fiscal Year 2020");
  });

  it("reads FY 2019 from the start of the sentence for every item of an inline list (001)", () => {
    const [first] = figuresOf("001_e8e12984f2720d11.txt", "approximately 775 aliens convicted for assault");
    expect(first).toMatchObject({ value: 775, qualifier: "approximately", verb: "encounter", source: null });
    expect(first.period).toMatchObject({ from: "2018-10", to: "2019-09" });
    const [later] = figuresOf("001_e8e12984f2720d11.txt", "21 convicted for homicide");
    expect(later).toMatchObject({ value: 21, qualifier: null, measureKey: ["homicide"] });
    expect(later.period?.from).toBe("2018-10");
  });

  it("reads 'more than 51,000' with the period stated in the claim itself (003)", () => {
    const [f] = figuresOf(
      "003_835a89ffea9099c7.txt",
      "According to ICE statistics, From October 2017 to September 2020, more than 51,000 aliens were identified and placed in removal proceedings through the program.",
    );
    expect(f).toMatchObject({
      value: 51000,
      qualifier: "more than",
      periodFrom: "claim",
      source: "ICE",
      verb: "identify",
    });
  });

  it("reads two figures of one claim, neither of them the years (002)", () => {
    const figures = figuresOf(
      "002_aee067932d5add68.txt",
      "Between 2017 and 2021, the number of participating law enforcement departments increased from 36 to 149",
    );
    expect(figures.map((f) => f.value)).toEqual([36, 149]);
    expect(figures[0].period).toMatchObject({ from: "2017-01", to: "2021-12" });
  });

  it("names the source of a report and keeps 'over' (004)", () => {
    const [arrests] = figuresOf(
      "004_e27f5d516b9b0a28.txt",
      "Nationwide, ICE’s FY\u202f2024 report records 81,312 arrests of criminals",
    );
    expect(arrests).toMatchObject({ value: 81312, source: "ICE", verb: "arrest" });
    expect(arrests.period?.from).toBe("2023-10");
    const [charges] = figuresOf("004_e27f5d516b9b0a28.txt", "with over 500,000 combined charges");
    expect(charges).toMatchObject({ value: 500000, qualifier: "over" });
  });

  it("finds no figure in a section number or a year", () => {
    expect(figuresOf("003_835a89ffea9099c7.txt", "Section 287(g) was added to the INA in 1996")).toEqual([]);
  });

  it("does not carry a period across an ordinary paragraph break", () => {
    const text = "In FY 2019, ICE removed 100 aliens.\n\nOfficers encountered 50 aliens convicted for assault.";
    const start = text.indexOf("50");
    const [before] = contextsFor(text, [start]);
    expect(extractFigures("50 aliens convicted for assault", before)[0].period).toBeNull();
  });
});
