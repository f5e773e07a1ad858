import { describe, expect, it } from "vitest";
import { analyse } from "./nlp";
import { DENSE_FEATURES } from "./opinion-features";
import { isOpinionByModel, OPINION_MODEL } from "./opinion-model";

const byModel = (s: string) => isOpinionByModel(s, analyse(s));

describe("the shipped opinion model (trained on NewsSD-ENG, CC BY 4.0)", () => {
  it("loads with its attribution and one weight per dense feature", () => {
    expect(OPINION_MODEL.attribution).toMatch(/Antici.*LREC-COLING 2024.*CC BY 4\.0/);
    expect(OPINION_MODEL.dense.weights).toHaveLength(DENSE_FEATURES.length);
    expect(OPINION_MODEL.dense.names).toEqual([...DENSE_FEATURES]);
  });

  it("calls an evaluative first-person sentence an opinion and a dry report not", () => {
    expect(byModel("I think this reckless policy is a terrible mistake and it should be scrapped at once.")).toBe(true);
    expect(byModel("The agency reported 1,240 arrests in 2019, according to figures released on Tuesday.")).toBe(false);
  });
});
