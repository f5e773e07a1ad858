import { describe, expect, it } from "vitest";
import { parseQuery } from "../query-syntax";
import { buildTsMatch, facetValue } from "./ts-match";

const match = (q: string) => buildTsMatch(parseQuery(q));

describe("buildTsMatch", () => {
  it("quotes every word; phrases are followed-by chains, prefixes end in :*", () => {
    expect(match('"police"')).toMatchObject({ include: "'police'", words: "'police'", exclude: null });
    expect(match('"sheriff" "local police" deport*').include).toBe("'sheriff' & ('local' <-> 'police') & 'deport':*");
  });

  it("matches a bare word in any of its inflected forms, and OR-ed terms in any of them", () => {
    expect(match("homicides").include).toBe("('homicides' | 'homicide' | 'homicided' | 'homiciding')");
    expect(match('"homicides"').include).toBe("'homicides'");
    expect(match("homicide OR murder").include).toBe(
      "(('homicide' | 'homicides' | 'homicided' | 'homiciding') | ('murder' | 'murders' | 'murdered' | 'murdering'))",
    );
    expect(match('"local police" OR deport* -"fox news"')).toMatchObject({
      include: "(('local' <-> 'police') | 'deport':*)",
      exclude: "('fox' <-> 'news')",
    });
  });

  it("keeps exclusions and filters out of what is ranked", () => {
    expect(match('"police" -"sheriff" -tag:opinion status:disputed')).toEqual({
      include: "'police'",
      exclude: "'sheriff'",
      words: "'police'",
      facets: ["s:disputed"],
      notFacets: ["t:opinion"],
    });
  });

  it("ranks without the commonest words, which still have to match", () => {
    expect(match('the "police"')).toMatchObject({ include: "'the' & 'police'", words: "'police'" });
    expect(match("the of").words).toBeNull();
  });

  it("reads disagreement:no as the absence of disagreement", () => {
    expect(match("disagreement:yes")).toMatchObject({ facets: ["disagree"], notFacets: [] });
    expect(match("disagreement:no")).toMatchObject({ facets: [], notFacets: ["disagree"] });
    expect(match("-disagreement:no")).toMatchObject({ facets: ["disagree"], notFacets: [] });
  });

  it("never lets a quote or an operator through from the input", () => {
    const m = match(`'a' & b | !c <-> d:* "e's" (f)`);
    for (const text of [m.include, m.exclude, m.words].filter((t): t is string => t !== null))
      for (const word of text.match(/'[^']*'/g) ?? []) expect(word).toMatch(/^'[\p{L}\p{N}\p{M}\p{Co}]+'$/u);
    expect(m.include?.replace(/'[^']*'/g, "")).toMatch(/^[\s&()<\->:*]*$/);
  });

  it("sends a filter value with a lone surrogate or NUL as U+FFFD (PostgreSQL text holds neither)", () => {
    expect(facetValue({ field: "tag", value: "a\uDE00" })).toBe("t:a\uFFFD");
    expect(facetValue({ field: "tag", value: "😀" })).toBe("t:😀");
    expect(facetValue({ field: "doc", value: "a\u0000b" })).toBe("d:a\uFFFDb");
  });
});
