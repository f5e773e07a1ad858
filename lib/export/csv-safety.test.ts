import { describe, expect, it } from "vitest";
import { neutraliseCell } from "./csv-safety";

describe("neutraliseCell", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["＝1+1", "'＝1+1"],
  ])("prefixes %j", (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each(["plain text", "287(g) agreements", "2026-01-02", " =not at start", "", "a=b"])(
    "leaves %j alone",
    (input) => {
      expect(neutraliseCell(input)).toBe(input);
    },
  );
});
