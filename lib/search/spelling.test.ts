import { describe, expect, it } from "vitest";
import { oneEditAway } from "./spelling";

describe("oneEditAway", () => {
  it("holds the usual typos of a word, transpositions first", () => {
    const near = oneEditAway("homocide");
    expect(near).toContain("homicide"); // changed
    expect(oneEditAway("hmoicide")[0]).toBe("mhoicide");
    expect(oneEditAway("hmoicide")).toContain("homicide"); // transposed
    expect(oneEditAway("homcide")).toContain("homicide"); // left out
    expect(oneEditAway("homiccide")).toContain("homicide"); // added
    expect(near).not.toContain("homocide");
    expect(new Set(near).size).toBe(near.length);
  });

  it("leaves short, long and non-letter words alone", () => {
    for (const word of ["ice", "x".repeat(21), "fy2020", "café"]) expect(oneEditAway(word)).toEqual([]);
  });
});
