import { describe, expect, it } from "vitest";
import { inflectedForms } from "./inflections";

describe("inflectedForms", () => {
  it("finds the singular of a plural and the plural of a singular", () => {
    expect(inflectedForms("homicides")).toContain("homicide");
    expect(inflectedForms("homicide")).toContain("homicides");
    expect(inflectedForms("cities")).toContain("city");
    expect(inflectedForms("county")).toContain("counties");
    expect(inflectedForms("offenses")).toContain("offense");
  });

  it("finds simple verb forms", () => {
    expect(inflectedForms("arrested")).toEqual(expect.arrayContaining(["arrest", "arrests", "arresting"]));
    expect(inflectedForms("policing")).toEqual(expect.arrayContaining(["police", "policed"]));
    expect(inflectedForms("stopped")).toEqual(expect.arrayContaining(["stop", "stops", "stopping"]));
  });

  it("never reaches derived words that share a stem", () => {
    expect(inflectedForms("university")).not.toContain("universe");
    expect(inflectedForms("police")).not.toContain("policy");
    expect(inflectedForms("deportation")).not.toContain("deport");
    expect(inflectedForms("murder")).not.toContain("murderer");
  });

  it("keeps the word first and leaves short, common, numeric and non-Latin words alone", () => {
    expect(inflectedForms("murders")[0]).toBe("murders");
    for (const word of ["is", "the", "fy2020", "287", "移民"]) expect(inflectedForms(word)).toEqual([word]);
  });
});
