import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuery, QuerySyntaxError } from "@/lib/search/query-syntax";
import { buildFtsMatch } from "@/lib/search/sqlite/fts-match";
import { planSearch } from "@/lib/search/sqlite/sqlite-search";
import {
  documentPageStatement,
  newestPageStatement,
  probeStatement,
  relevanceStatement,
} from "@/lib/search/sqlite/statements";

// A real FTS5 table from the migrations: whatever a user types must never make it throw.
let sqlite: Database.Database;
beforeAll(() => {
  sqlite = new Database(":memory:");
  const dir = path.join("prisma", "migrations");
  for (const m of fs
    .readdirSync(dir)
    .filter((d) => fs.statSync(path.join(dir, d)).isDirectory())
    .sort()) {
    sqlite.exec(fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  }
  sqlite.exec(
    `INSERT INTO "ClaimSearch"(rowid, exact, statement, notes, tags, title, facets) VALUES (1, 'Local police and the "sheriff"', '', 'a note', 'statistic', 'Title', 'all')`,
  );
});
afterAll(() => sqlite.close());

function runAgainstFts(input: string): void {
  let match: { all: string; words: string | null };
  try {
    match = buildFtsMatch(parseQuery(input));
  } catch (error) {
    expect(error).toBeInstanceOf(QuerySyntaxError);
    return;
  }
  const count = sqlite.prepare(`SELECT count(*) FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ?`);
  count.get(match.all);
  if (match.words) count.get(match.words);
}

const HOSTILE = [
  '"',
  '""',
  '"""',
  'police "',
  "NEAR",
  "NEAR(",
  "NEAR(a b, 5)",
  "a NEAR/3 b",
  "AND",
  "OR OR",
  "NOT police",
  "police NOT",
  "*",
  "**",
  "police*",
  "*police",
  "^",
  "^police",
  "po^lice",
  "-",
  "--",
  "-*",
  '-"',
  "+",
  "a + b",
  "(",
  ")",
  "((police)",
  "{",
  "}",
  "{exact}: police",
  "exact:police",
  "facets:all",
  "tag:",
  'tag:"',
  'tag:"legal fact',
  "tag:a:b",
  "doc:../../etc/passwd",
  "reviewer:'; DROP TABLE Claim; --",
  "'",
  "' OR 1=1 --",
  "\\",
  "\u0000",
  "\uE000police\uE001",
  "\uE000all",
  "-\uE000all tag:statistic",
  "😀",
  "👩‍👩‍👧‍👦 police",
  "\u200B\u200D",
  "e\u0301",
  "𝐏𝐨𝐥𝐢𝐜𝐞",
  "x".repeat(1000),
  "police ".repeat(142),
  "a* ".repeat(30),
];

describe("any input becomes a safe FTS5 query", () => {
  it.each(HOSTILE)("%j", (input) => runAgainstFts(input));

  it("a 10 kB query gets a message, not an error from the database", () => {
    expect(() => parseQuery("x".repeat(10 * 1024))).toThrow(QuerySyntaxError);
  });

  it("arbitrary strings never reach FTS5 as syntax", () => {
    const alphabet = fc.constantFrom(
      ..."aZ9 \"'*^-+(){}:,.NEARORTagdoc\\😀é\u0000\t\n".split(""),
      "NEAR",
      "AND",
      "OR",
      "NOT",
      "tag:",
      "has:",
      "status:",
      "doc:",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join("")),
        (input) => runAgainstFts(input),
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (input) => runAgainstFts(input)),
      { numRuns: 500 },
    );
  });

  it("the engine's statements run for every sort and page shape", () => {
    for (const sort of ["relevance", "document", "newest"] as const) {
      for (const q of [
        "police",
        '"local police"',
        "-police",
        "tag:statistic sheriff*",
        "police -sheriff",
        "tag:opinion",
      ]) {
        const plan = planSearch({ q, sort });
        const probe = probeStatement(plan.match.all);
        sqlite.prepare(probe.sql).get(...probe.params);
        for (const after of [null, { score: -5, key: 1 }]) {
          if (plan.match.words)
            for (const asOf of [null, 10]) {
              const r = relevanceStatement({ ...plan.match, words: plan.match.words }, { asOf, after, limit: 5 });
              expect(sqlite.prepare(r.sql).all(...r.params).length).toBeGreaterThan(0);
            }
        }
        for (const after of [null, { file: "a", start: 0, key: 1 }, { key: 2 }]) {
          for (const page of [
            documentPageStatement(plan.match.all, { floor: 0, asOf: 10, after, limit: 5 }),
            newestPageStatement(plan.match.all, { floor: 0, asOf: 10, after, limit: 5 }),
          ]) {
            sqlite.prepare(page.sql).all(...page.params);
          }
        }
      }
    }
  });
});
