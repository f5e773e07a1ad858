import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { findMatchingClaims, searchClaims, searchClaimsWithNotices, searchEngine } from "@/lib/db/search";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

// Runs on both engines (CLAIMBOOK_TEST_ENGINE=postgres for the PostgreSQL twin): word forms
// and OR are built on the query, so both must find exactly the same claims.

let t: TestDatabase;
let db: Db;
const claim: Record<string, string> = {};

const found = async (q: string) => (await findMatchingClaims(db, q)).map((m) => m.claimId).sort();
const ids = (...names: string[]) => names.map((n) => claim[n]).sort();

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  const doc = await db.document.create({
    data: { slug: "forms", fileName: "forms.txt", title: "Word forms", text: "", sha256: "f" },
  });
  const texts: Record<string, string> = {
    homicide: "One homicide was recorded in 2019.",
    homicides: "Thirty-seven homicides were recorded.",
    murder: "The sheriff called it murder.",
    arrested: "Deputies arrested forty people.",
    arrests: "Arrests rose in the county.",
    policy: "The policy changed in 2020.",
    police: "Local police cooperated.",
  };
  let n = 0;
  for (const [name, exact] of Object.entries(texts)) {
    const created = await db.claim.create({
      data: {
        documentId: doc.id,
        start: n * 100,
        end: n * 100 + exact.length,
        exact,
        prefix: "",
        suffix: "",
        paragraphStart: 0,
        paragraphEnd: 0,
        textHash: "x",
        status: "proposed",
        seedKey: `forms-${n++}`,
      },
    });
    claim[name] = created.id;
  }
});
afterAll(async () => {
  await t.close();
});

describe("search that forgives", () => {
  it("finds singulars and plurals of a bare word", async () => {
    expect(await found("homicides")).toEqual(ids("homicide", "homicides"));
    expect(await found("homicide")).toEqual(ids("homicide", "homicides"));
    expect(await found("arrest")).toEqual(ids("arrested", "arrests"));
  });

  it("keeps a quoted word exact and a prefix a prefix", async () => {
    expect(await found('"homicides"')).toEqual(ids("homicides"));
    expect(await found("homicid*")).toEqual(ids("homicide", "homicides"));
    expect(await found("polic*")).toEqual(ids("policy", "police"));
    expect(await found("police")).toEqual(ids("police"));
  });

  it("reads OR between words, phrases and prefixes", async () => {
    expect(await found("homicide OR murder")).toEqual(ids("homicide", "homicides", "murder"));
    expect(await found('"local police" OR arrest* county')).toEqual(ids("arrests"));
    expect(await found("homicide OR murder -sheriff")).toEqual(ids("homicide", "homicides"));
  });

  it("ranks and marks every form that matched", async () => {
    const page = await searchClaims(db, { q: "homicides OR murder" });
    expect(page.sort).toBe("relevance");
    expect(page.total).toBe(3);
    const marked = page.hits.flatMap((h) => h.highlights.exact.filter((s) => s.match).map((s) => s.text));
    expect(marked.sort()).toEqual(["homicide", "homicides", "murder"]);
  });

  it("says what was searched when nothing matches, and offers the nearest query that matches", async () => {
    const typo = await searchClaimsWithNotices(db, { q: "homicidez" });
    expect(typo.total).toBe(0);
    expect(typo.notices[0]).toBe("Nothing matched “homicidez” (and its other forms).");
    // One edit away and in the corpus: nearer than dropping the word or cutting it to a prefix.
    expect(typo.suggestion).toEqual({ q: "homicides", total: 2, totalIsCapped: false });
    // Two edits away: the long word cut to a prefix.
    const cut = await searchClaimsWithNotices(db, { q: "homicidezz" });
    expect(cut.suggestion).toEqual({ q: "homicide*", total: 2, totalIsCapped: false });

    const both = await searchClaimsWithNotices(db, { q: "homicide murder" });
    expect(both.suggestion).toEqual({ q: "homicide OR murder", total: 3, totalIsCapped: false });

    const quoted = await searchClaimsWithNotices(db, { q: '"arrest"' });
    expect(quoted.notices[0]).toBe("Nothing matched the exact word “arrest”.");
    expect(quoted.suggestion?.q).toBe("arrest");

    // A misspelt word is corrected to a word of the corpus one edit away.
    const typo2 = await searchClaimsWithNotices(db, { q: "homocide" });
    expect(typo2.suggestion).toEqual({ q: "homicide", total: 2, totalIsCapped: false });
    const inQuery = await searchClaimsWithNotices(db, { q: "arested county" });
    expect(inQuery.suggestion?.q).toBe("arrested county");
    expect(await searchEngine(db).knownWords(["arrested", "arrestted", "homicides", "zebra"])).toEqual([
      "arrested",
      "homicides",
    ]);

    const hopeless = await searchClaimsWithNotices(db, { q: "zebra" });
    expect(hopeless.suggestion).toBeNull();
    expect((await searchClaimsWithNotices(db, { q: "homicides" })).suggestion).toBeUndefined();
  });
});
