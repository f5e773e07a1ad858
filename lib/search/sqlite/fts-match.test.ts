import { describe, expect, it } from "vitest";
import { parseQuery } from "../query-syntax";
import { buildFtsMatch, FACET_MARK, facetToken } from "./fts-match";

const match = (q: string) => buildFtsMatch(parseQuery(q));
const token = (s: string) => `"${FACET_MARK}${s}"`;
const hex = (s: string) => Buffer.from(s).toString("hex");

describe("buildFtsMatch", () => {
  it("quotes every word", () => {
    expect(match('"police"')).toEqual({ all: `"police"`, words: `"police"` });
    expect(match('"sheriff" "local police" deport*').all).toBe(`("sheriff" AND "local police" AND "deport" *)`);
  });

  it("matches a bare word in any of its inflected forms, and OR-ed terms in any of them", () => {
    expect(match("homicides").all).toBe(`("homicides" OR "homicide" OR "homicided" OR "homiciding")`);
    expect(match('"homicides"').all).toBe(`"homicides"`);
    expect(match("homicid*").all).toBe(`"homicid" *`);
    expect(match('"local police" OR deport* OR 287').all).toBe(`("local police" OR "deport" * OR "287")`);
    expect(match("homicide OR murder").words).toBe(
      `(("homicide" OR "homicides" OR "homicided" OR "homiciding") OR ("murder" OR "murders" OR "murdered" OR "murdering"))`,
    );
  });

  it("turns filters into marked facet tokens, hex-encoded so any value is one token", () => {
    expect(facetToken({ field: "tag", value: "legal-fact" })).toBe(`${FACET_MARK}t6c6567616c2d66616374`);
    expect(facetToken({ field: "reviewer", value: "a@b.c" })).toBe(`${FACET_MARK}r6140622e63`);
    expect(match("tag:statistic has:note")).toEqual({
      all: `(${token(`t${hex("statistic")}`)} AND ${token("hasnote")})`,
      words: null,
    });
  });

  it("keeps filters and exclusions out of the expression bm25 ranks with", () => {
    expect(match('"police" -"sheriff" -tag:opinion status:disputed')).toEqual({
      all: `("police" AND ${token(`s${hex("disputed")}`)}) NOT ("sheriff" OR ${token(`t${hex("opinion")}`)})`,
      words: `"police"`,
    });
  });

  it("ranks without the commonest words, which still have to match", () => {
    expect(match('the "police"')).toEqual({ all: `("the" AND "police")`, words: `"police"` });
    expect(match("the of")).toEqual({ all: `("the" AND "of")`, words: null });
    expect(match('"the police" the*').words).toBe(`("the police" AND "the" *)`);
  });

  it("starts from every row when nothing is positive", () => {
    expect(match('-"police"').all).toBe(`${token("all")} NOT ("police")`);
    expect(match("")).toEqual({ all: token("all"), words: null });
  });

  it("reads disagreement:no as the absence of disagreement", () => {
    expect(match("disagreement:yes").all).toBe(token("disagree"));
    expect(match("disagreement:no").all).toBe(`${token("all")} NOT (${token("disagree")})`);
    expect(match("-disagreement:no").all).toBe(token("disagree"));
  });

  it("never lets a quote, an operator or the facet mark through from the input", () => {
    const m = match(`NEAR("a" b) OR "c NOT d" ^e {exact}: f* " ${FACET_MARK}all`).all;
    expect(m.match(/"/g)!.length % 2).toBe(0);
    for (const quoted of m.match(/"[^"]*"/g)!) expect(quoted).toMatch(/^"[\p{L}\p{N}\p{M} ]+"$/u);
  });
});
