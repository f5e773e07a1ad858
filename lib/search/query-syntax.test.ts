import { describe, expect, it } from "vitest";
import { isEmptyQuery, MAX_QUERY_LENGTH, MAX_TERMS, parseQuery, QuerySyntaxError } from "./query-syntax";

const words = (q: string) =>
  parseQuery(q).text.map((t) => ({ tokens: t.tokens, prefix: t.prefix, negated: t.negated, quoted: t.quoted }));

describe("parseQuery", () => {
  it("reads words, phrases, prefixes and exclusions", () => {
    expect(words('sheriff "local police" deport* -amnesty -"open borders"')).toEqual([
      { tokens: ["sheriff"], prefix: false, negated: false, quoted: false },
      { tokens: ["local", "police"], prefix: false, negated: false, quoted: true },
      { tokens: ["deport"], prefix: true, negated: false, quoted: false },
      { tokens: ["amnesty"], prefix: false, negated: true, quoted: false },
      { tokens: ["open", "borders"], prefix: false, negated: true, quoted: true },
    ]);
  });

  it("reads a prefix on a phrase and splits punctuation inside a word into a phrase", () => {
    expect(words('"local pol"*')[0]).toMatchObject({ tokens: ["local", "pol"], prefix: true });
    expect(words("287(g)")[0]).toMatchObject({ tokens: ["287", "g"], quoted: false });
  });

  it("reads every filter, with values normalised", () => {
    const q = parseQuery(
      'tag:Statistic tag:"legal fact" doc:001-ices-local reviewer:Ada@Example.test status:DISPUTED has:notes disagreement:yes -tag:opinion',
    );
    expect(q.filters.map((f) => [f.field, f.value, f.negated])).toEqual([
      ["tag", "statistic", false],
      ["tag", "legal-fact", false],
      ["doc", "001-ices-local", false],
      ["reviewer", "ada@example.test", false],
      ["status", "disputed", false],
      ["has", "note", false],
      ["disagreement", "yes", false],
      ["tag", "opinion", true],
    ]);
    expect(q.text).toEqual([]);
  });

  it("treats an unknown key:value as words", () => {
    expect(words("https://example.org note:foo")).toEqual([
      { tokens: ["https", "example", "org"], prefix: false, negated: false, quoted: false },
      { tokens: ["note", "foo"], prefix: false, negated: false, quoted: false },
    ]);
  });

  it("explains an impossible filter value instead of guessing", () => {
    expect(() => parseQuery("status:maybe")).toThrow(QuerySyntaxError);
    expect(() => parseQuery("status:maybe")).toThrow(
      /status:proposed, status:accepted, status:disputed, status:rejected/,
    );
    expect(() => parseQuery("has:tags")).toThrow("has:tags is not a filter; use has:note.");
    expect(() => parseQuery("disagreement:perhaps")).toThrow(/disagreement:yes or disagreement:no/);
  });

  it("leaves out a filter without a value, with a notice", () => {
    const q = parseQuery("tag: police");
    expect(q.filters).toEqual([]);
    expect(q.text.map((t) => t.tokens)).toEqual([["police"]]);
    expect(q.notices[0]).toMatch(/tag: needs a value/);
  });

  it("closes an unbalanced quote at the end, with a notice", () => {
    const q = parseQuery('"local police cooperation');
    expect(q.text[0].tokens).toEqual(["local", "police", "cooperation"]);
    expect(q.notices).toContain("A closing quote was missing; the phrase runs to the end of the query.");
    expect(parseQuery('"').text).toEqual([]);
    expect(parseQuery('a"b').text[0].tokens).toEqual(["a", "b"]);
  });

  it("turns FTS5 operators and syntax into plain words or nothing (OR is ours)", () => {
    expect(words("NEAR(police sheriff, 2) AND NOT").map((w) => w.tokens)).toEqual([
      ["NEAR", "police"],
      ["sheriff"],
      ["2"],
      ["AND"],
      ["NOT"],
    ]);
    expect(words("^police {exact}: col:x + ( ) *").map((w) => w.tokens)).toEqual([["police"], ["exact"], ["col", "x"]]);
    expect(parseQuery("* ** - -- ^ : \" '").text).toEqual([]);
  });

  it("joins words and phrases with OR (in capitals); a stray OR is left out with a notice", () => {
    const q = parseQuery('homicide OR murder OR "violent crime" sheriff');
    expect(q.text.map((t) => [t.tokens, (t.anyOf ?? []).map((a) => a.tokens)])).toEqual([
      [["homicide"], [["murder"], ["violent", "crime"]]],
      [["sheriff"], []],
    ]);
    expect(q.text[0].source).toBe('homicide OR murder OR "violent crime"');
    expect(q.notices).toEqual([]);
    expect(parseQuery("homicide or murder").text).toHaveLength(3);
    for (const stray of ["OR murder", "murder OR", "-murder OR crime", "murder OR -crime", "murder OR tag:opinion"]) {
      expect(parseQuery(stray).notices, stray).toEqual([
        "OR joins two words or phrases (homicide OR murder); an OR without them was left out.",
      ]);
    }
  });

  it("gives a bare word its inflected forms, and nothing else", () => {
    const forms = (q: string) => parseQuery(q).text.map((t) => t.forms);
    expect(forms("Homicides murder")).toEqual([
      ["homicides", "homicide", "homicided", "homiciding"],
      ["murder", "murders", "murdered", "murdering"],
    ]);
    expect(forms('"homicides" homicid* the 287 fy2020')).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("drops emoji and symbols but keeps letters of any script", () => {
    expect(words("😀 police 🚓").map((w) => w.tokens)).toEqual([["police"]]);
    expect(words("café Ñandú 移民 полиция").map((w) => w.tokens)).toEqual([["café"], ["Ñandú"], ["移民"], ["полиция"]]);
    expect(isEmptyQuery(parseQuery("😀 🚓 !!!"))).toBe(true);
  });

  it("searches a prefix shorter than three letters as a word", () => {
    const q = parseQuery("co* dep*");
    expect(q.text.map((t) => [t.tokens[0], t.prefix])).toEqual([
      ["co", false],
      ["dep", true],
    ]);
    expect(q.notices).toEqual(['A prefix needs at least 3 letters; "co*" was searched as a word.']);
  });

  it("never emits the index's facet mark", () => {
    expect(words("\uE000all tag\uE000x").map((w) => w.tokens)).toEqual([["all"], ["tag"], ["x"]]);
  });

  it("refuses a query over the length limit with a clear message", () => {
    const long = "police ".repeat(1500); // 10.5 kB
    expect(() => parseQuery(long)).toThrow(
      `The query is ${long.length} characters long; the limit is ${MAX_QUERY_LENGTH}.`,
    );
    expect(() => parseQuery("x".repeat(10 * 1024))).toThrow(QuerySyntaxError);
  });

  it("uses at most MAX_TERMS terms and says so", () => {
    const q = parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "));
    expect(q.text).toHaveLength(MAX_TERMS);
    expect(q.notices).toContain(`Only the first ${MAX_TERMS} terms were used; 16 more were left out.`);
  });

  it("reads an empty or blank query as empty", () => {
    expect(isEmptyQuery(parseQuery(""))).toBe(true);
    expect(isEmptyQuery(parseQuery("   \n\t "))).toBe(true);
  });
});

describe("verdict filters", () => {
  it("reads final:<tag> like tag: and adjudicated: as yes or no", () => {
    expect(parseQuery('final:"legal fact" adjudicated:no').filters).toMatchObject([
      { field: "final", value: "legal-fact", negated: false },
      { field: "adjudicated", value: "no", negated: false },
    ]);
    expect(() => parseQuery("adjudicated:maybe")).toThrow("use adjudicated:yes or adjudicated:no");
  });
});
