import { describe, expect, it } from "vitest";
import { describeQuery, nearerQueries, respellableTerms, respelled } from "./nearest-query";
import { parseQuery } from "./query-syntax";

describe("describeQuery", () => {
  it("says what each term searched for", () => {
    expect(describeQuery(parseQuery('homicides "local police" deport* "ICE" -"fox news" tag:statistic'))).toBe(
      "“homicides” (and its other forms), the exact phrase “local police”, words starting with “deport”, " +
        "the exact word “ICE”, not the exact phrase “fox news”, tag:statistic",
    );
    expect(describeQuery(parseQuery("homicide OR murder"))).toBe(
      "“homicide” (and its other forms) or “murder” (and its other forms)",
    );
  });
});

describe("nearerQueries", () => {
  it("drops quotes first, then ORs the words, then drops one filter, exclusion or word", () => {
    expect(nearerQueries(parseQuery('"homicides" sheriff -opinion tag:statistic'))).toEqual([
      "homicides sheriff -opinion tag:statistic",
      '"homicides" OR sheriff -opinion tag:statistic',
      '"homicides" sheriff tag:statistic',
      '"homicides" sheriff -opinion',
      "sheriff -opinion tag:statistic",
      '"homicides" -opinion tag:statistic',
      '"homicides" sheri* -opinion tag:statistic',
    ]);
  });

  it("tries a prefix for a long word with a typo at its end, and never the query itself", () => {
    expect(nearerQueries(parseQuery("homicidez"))).toEqual(["homicid*"]);
    expect(nearerQueries(parseQuery("crime"))).toEqual([]);
    expect(nearerQueries(parseQuery("tag:statistic"))).toEqual([]);
  });
});

describe("respelled", () => {
  it("replaces one bare word and keeps the rest as typed", () => {
    const q = parseQuery('homocide "local police" deport* tag:statistic');
    const [term] = respellableTerms(q);
    expect(term.tokens).toEqual(["homocide"]);
    expect(respelled(q, term, "homicide")).toBe('homicide "local police" deport* tag:statistic');
    expect(respellableTerms(parseQuery('"exact" pre* a OR b -not'))).toEqual([]);
  });
});
