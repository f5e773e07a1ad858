import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/client";
import { searchClaims } from "@/lib/db/search";
import { createSqliteSearch, planSearch } from "@/lib/search/sqlite/sqlite-search";
import { RANK_WINDOW, type Statement } from "@/lib/search/sqlite/statements";
import type { SearchPage, SearchSort } from "@/lib/search/types";
import { readCorpus } from "@/lib/seed/corpus-files";
import { createBenchDatabase, databaseBytes } from "./lib/bench-database";
import { naiveLikeStatements } from "./lib/naive-like";
import { type LoadResult, loadSyntheticCorpus } from "./lib/synthetic-corpus";
import { measure, measureInTurns, type Timing } from "./lib/timing";
import { WordModel } from "./lib/word-model";
import { printTable as printRows } from "./stats";

/**
 * `npm run bench -- search [--quick] [--sizes 10000,100000] [--runs 50] [--windows 5000,10000]`
 *
 * For synthetic corpora of 10k, 100k and 1M claims, the p50/p95 of each query three ways:
 *   app   the app's search function end to end through Prisma (lib/db/search.ts)
 *   fts   the very statements the app ran for it, replayed straight on better-sqlite3,
 *         prepared once: the floor, without Prisma and without any JavaScript work
 *   like  a naive LIKE '%…%' scan over the same fields (what a quick implementation does)
 * plus the load time, the index build time and the database size.
 */
const QUERIES: { name: string; q: string; sort?: SearchSort }[] = [
  { name: "single word", q: "sheriff" },
  { name: "common word", q: "immigration" },
  { name: "phrase", q: '"local police"' },
  { name: "prefix", q: "deport*" },
  { name: "filter only", q: "tag:statistic" },
  { name: "filter + words", q: "tag:statistic has:note sheriffs" },
  { name: "no hits", q: "xylophone" },
  { name: "by document", q: "sheriff", sort: "document" },
];
const LIMIT = 20;

interface QueryFigures {
  /** Most matches ranked or grouped (RANK_WINDOW unless --windows says otherwise). */
  window: number;
  name: string;
  q: string;
  /** The sort used (best match falls back to newest above the ranking window). */
  sort: SearchSort;
  /** SQL statements the engine ran. */
  statements: number;
  matches: number;
  matchesCapped: boolean;
  app: Timing;
  fts: Timing;
  like: Timing;
}

interface SizeFigures extends LoadResult {
  dbBytes: number;
  queries: QueryFigures[];
}

function prepareAll(sqlite: import("better-sqlite3").Database, statements: Statement[]) {
  const prepared = statements.map((s) => ({ stmt: sqlite.prepare(s.sql), params: s.params }));
  return () => prepared.map((p) => p.stmt.all(...p.params));
}

async function benchSize(claims: number, words: WordModel, runs: number, windows: number[]): Promise<SizeFigures> {
  const label = claims >= 1_000_000 ? `${claims / 1_000_000}m` : `${claims / 1000}k`;
  const { dir, file, sqlite } = createBenchDatabase(label);
  try {
    sqlite.pragma("synchronous = OFF");
    const load = loadSyntheticCorpus(sqlite, words, claims);
    sqlite.pragma("synchronous = NORMAL");
    sqlite.exec("ANALYZE");
    const dbBytes = databaseBytes(sqlite, file);
    process.stderr.write(
      `  ${label}: loaded in ${load.loadSeconds.toFixed(1)} s, indexed in ${load.indexSeconds.toFixed(1)} s, ${(dbBytes / 1e6).toFixed(0)} MB\n`,
    );

    const db = createDb(`file:${file}`);
    const budgetMs = claims >= 1_000_000 ? 8_000 : 4_000;
    const queries: QueryFigures[] = [];
    try {
      for (const rankWindow of windows)
        for (const query of QUERIES) {
          const request = { q: query.q, sort: query.sort, limit: LIMIT };
          const plan = planSearch(request);
          // Record what the engine runs for this search, straight on better-sqlite3.
          const recorded: Statement[] = [];
          const direct = createSqliteSearch(
            async (sql, params) => {
              recorded.push({ sql, params });
              return sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
            },
            { rankWindow },
          );
          const directPage = await direct.search(request);
          const floor = prepareAll(sqlite, recorded);
          const naive = naiveLikeStatements(plan.query, LIMIT);
          const like = prepareAll(sqlite, [naive.page, naive.count]);

          // The app (through Prisma) and the direct run must agree, or the comparison means nothing.
          const appPage: SearchPage = await searchClaims(db, request, { rankWindow });
          if (appPage.hits.map((h) => h.claimId).join() !== directPage.hits.map((h) => h.claimId).join()) {
            throw new Error(`${query.name}: the app and the direct run disagree`);
          }
          const window = { total: appPage.total, capped: appPage.totalIsCapped };

          const [app, fts] = await measureInTurns([() => searchClaims(db, request, { rankWindow }), floor], {
            runs,
            budgetMs,
          });
          const likeTiming = await measure(like, { runs, budgetMs, warmup: 1, minRuns: 3 });
          queries.push({
            window: rankWindow,
            name: query.name,
            q: query.q,
            sort: appPage.sort,
            statements: recorded.length,
            matches: window.total,
            matchesCapped: window.capped,
            app,
            fts,
            like: likeTiming,
          });
          process.stderr.write(
            `    ${windows.length > 1 ? `window ${rankWindow}, ` : ""}${query.name}: app p95 ${app.p95.toFixed(2)} ms, fts p95 ${fts.p95.toFixed(2)} ms, like p95 ${likeTiming.p95.toFixed(1)} ms\n`,
          );
        }
    } finally {
      await db.$disconnect();
    }
    return { ...load, dbBytes, queries };
  } finally {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

function printTable(sizes: SizeFigures[]): void {
  const windows = [...new Set(sizes.flatMap((s) => s.queries.map((q) => q.window)))];
  const multipleWindows = windows.length > 1;
  printRows(
    sizes.flatMap((s) =>
      s.queries.map((q) => ({
        claims: s.claims.toLocaleString("en"),
        ...(multipleWindows ? { window: q.window.toLocaleString("en") } : {}),
        query: q.name,
        q: q.q,
        sort: q.sort,
        matches: `${q.matchesCapped ? ">" : ""}${q.matches.toLocaleString("en")}`,
        "app p50": ms(q.app.p50),
        "app p95": ms(q.app.p95),
        "fts p50": ms(q.fts.p50),
        "fts p95": ms(q.fts.p95),
        "app/fts p95": `${(q.app.p95 / q.fts.p95).toFixed(1)}x`,
        "like p50": ms(q.like.p50),
        "like p95": ms(q.like.p95),
        "runs a/f/l": `${q.app.runs}/${q.fts.runs}/${q.like.runs}`,
      })),
    ),
  );
  console.log();
  printRows(
    sizes.map((s) => ({
      claims: s.claims.toLocaleString("en"),
      notes: s.notes.toLocaleString("en"),
      documents: s.documents.toLocaleString("en"),
      "load s": s.loadSeconds.toFixed(1),
      "index build s": s.indexSeconds.toFixed(1),
      "db MB": (s.dbBytes / 1e6).toFixed(0),
    })),
  );
  console.log(
    `\nTimes in ms, first page of ${LIMIT}. app: searchClaims() through Prisma; fts: the same SQL replayed on better-sqlite3; like: naive LIKE scan + count.` +
      `\nmatches: counted up to the ranking window (${windows.map((w) => w.toLocaleString("en")).join(" / ")}); ">" = more match, shown newest first (sort column: the order used).`,
  );
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: "boolean", default: false },
      smoke: { type: "boolean", default: false },
      sizes: { type: "string" },
      runs: { type: "string", default: "50" },
      windows: { type: "string" },
    },
    strict: true,
  });
  // --smoke: the smallest corpus and one timed run per figure, to prove the bench still works.
  const sizes = values.smoke
    ? [1_000]
    : values.quick
      ? [10_000]
      : values.sizes
        ? values.sizes.split(",").map((s) => Number(s.replace(/_/g, "")))
        : [10_000, 100_000, 1_000_000];
  if (sizes.some((s) => !Number.isInteger(s) || s < 1_000))
    throw new Error("--sizes takes whole numbers of at least 1000, e.g. 10000,100000");
  const runs = values.smoke ? 1 : Number(values.runs);
  const windows = values.windows ? values.windows.split(",").map((w) => Number(w.replace(/_/g, ""))) : [RANK_WINDOW];
  if (windows.some((w) => !Number.isInteger(w) || w < 1))
    throw new Error("--windows takes whole numbers, e.g. 5000,10000");
  const words = new WordModel(
    readCorpus().map((e) => e.text),
    { seed: 42, avoid: ["xylophone"] },
  );
  process.stderr.write(`search bench: ${sizes.join(", ")} claims, up to ${runs} runs per figure\n`);
  const loadBefore = os.loadavg()[0];
  const figures: SizeFigures[] = [];
  for (const size of sizes) figures.push(await benchSize(size, words, runs, windows));
  printTable(figures);
  console.log(
    `Machine: ${os.cpus().length} cores; 1-minute load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after (other work on the machine inflates p95).`,
  );
  console.log(
    JSON.stringify({
      bench: "search",
      smoke: values.smoke,
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model ?? "",
        node: process.version,
        loadAverage: { before: loadBefore, after: os.loadavg()[0] },
      },
      rankWindows: windows,
      unit: "ms",
      sizes: figures,
    }),
  );
}
