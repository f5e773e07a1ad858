import { describe, expect, it } from "vitest";
import { addFilter, removeFilter } from "./edit-query";

describe("editing a query for the filter chips", () => {
  it("adds a filter once, after what was typed", () => {
    expect(addFilter('"local police" 287(g)', "tag", "statistic")).toBe('"local police" 287(g) tag:statistic');
    expect(addFilter("police tag:Statistic", "tag", "statistic")).toBe("police tag:Statistic");
    expect(addFilter("", "has", "note")).toBe("has:note");
  });

  it("removes a filter however it was typed, keeping everything else as typed", () => {
    expect(removeFilter('"local police" tag:"legal fact" -deport* 287(g)', "tag", "legal-fact")).toBe(
      '"local police" -deport* 287(g)',
    );
    expect(removeFilter("police -tag:opinion", "tag", "opinion")).toBe("police");
  });
});
