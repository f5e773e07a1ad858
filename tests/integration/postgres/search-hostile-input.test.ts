import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchEngine } from "@/lib/db/search";
import { SearchInputError, type SearchSort } from "@/lib/search/types";
import { HOSTILE_QUERIES } from "../helpers/hostile-queries";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The PostgreSQL twin of ../search-hostile-input.test.ts: whatever a user types reaches
// to_tsquery only as quoted words, so the database never sees it as syntax.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
});
afterAll(() => t.close());

async function search(q: string, sort: SearchSort = "relevance"): Promise<void> {
  try {
    await searchEngine(t.db, { rankWindow: 50 }).search({ q, sort, limit: 3 });
    await searchEngine(t.db).matchingClaims(q);
  } catch (error) {
    // A message for the person who typed it is fine; a database error is not.
    expect(error).toBeInstanceOf(SearchInputError);
  }
}

describe("any input becomes a safe PostgreSQL text query", () => {
  it.each(HOSTILE_QUERIES)("%j", async (input) => {
    for (const sort of ["relevance", "document", "newest"] as const) await search(input, sort);
  });

  it("arbitrary strings never reach to_tsquery as syntax", async () => {
    const alphabet = fc.constantFrom(
      ..."aZ9 \"'*^-+(){}:,.!&|<>\\😀é\u0000\t\n".split(""),
      "<->",
      "<2>",
      "!!",
      ":*",
      "tag:",
      "has:",
      "status:",
      "doc:",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")),
        (input) => search(input),
      ),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 100 }), (input) => search(input)),
      { numRuns: 200 },
    );
  });
});
