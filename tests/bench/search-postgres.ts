import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/client";
import { migratePostgres } from "@/lib/db/postgres/migrate";
import { searchClaims } from "@/lib/db/search";
import type { SearchSort } from "@/lib/search/types";
import { readCorpus } from "@/lib/seed/corpus-files";
import { adminQuery, ensureTestServer, withDatabase } from "../support/postgres/test-server";
import { createBenchDatabase } from "./lib/bench-database";
import { copyCorpusToPostgres } from "./lib/copy-to-postgres";
import { loadSyntheticCorpus } from "./lib/synthetic-corpus";
import { measureInTurns, type Timing } from "./lib/timing";
import { WordModel } from "./lib/word-model";
import { printTable } from "./stats";

/**
 * `npm run bench -- search --engine postgres [--sizes 10000,100000] [--runs 30]`
 *
 * The app's search (searchClaims through Prisma, first page of 20) on SQLite FTS5 and on
 * PostgreSQL tsvector + GIN, on the same synthetic corpus (loaded into SQLite by the search
 * bench's generator, then copied row for row into PostgreSQL), the same queries, timed in
 * turns so a busy machine slows both alike. PostgreSQL: CLAIMBOOK_TEST_PG_URL or
 * 127.0.0.1:5432, else a throwaway cluster (as the tests do).
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

interface Row {
  claims: number;
  name: string;
  q: string;
  sort: string;
  matches: string;
  sqlite: Timing;
  postgres: Timing;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      engine: { type: "string" },
      sizes: { type: "string", default: "10000,100000" },
      runs: { type: "string", default: "30" },
    },
    strict: true,
  });
  if (values.engine !== "postgres") throw new Error("--engine takes postgres");
  const sizes = values.sizes.split(",").map((s) => Number(s.replace(/_/g, "")));
  const runs = Number(values.runs);
  const words = new WordModel(
    readCorpus().map((e) => e.text),
    { seed: 42, avoid: ["xylophone"] },
  );
  const server = await ensureTestServer();
  const loadBefore = os.loadavg()[0];
  const rows: Row[] = [];
  const loads: Record<string, unknown>[] = [];
  try {
    for (const claims of sizes) {
      const label = claims >= 1_000_000 ? `${claims / 1_000_000}m` : `${claims / 1000}k`;
      const { dir, file, sqlite } = createBenchDatabase(label);
      const database = `claimbook_bench_${process.pid}_${label}`;
      const url = withDatabase(server.url, database);
      await adminQuery(
        server.url,
        `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`,
        `CREATE DATABASE "${database}"`,
      );
      try {
        sqlite.pragma("synchronous = OFF");
        const load = loadSyntheticCorpus(sqlite, words, claims);
        sqlite.pragma("synchronous = NORMAL");
        sqlite.exec("ANALYZE");
        await migratePostgres(url);
        const copy = await copyCorpusToPostgres(sqlite, url);
        loads.push({
          claims,
          sqliteIndexSeconds: load.indexSeconds,
          postgresCopySeconds: copy.copySeconds,
          postgresIndexSeconds: copy.indexSeconds,
        });
        process.stderr.write(
          `  ${label}: SQLite index ${load.indexSeconds.toFixed(1)} s; PostgreSQL copy ${copy.copySeconds.toFixed(1)} s, index ${copy.indexSeconds.toFixed(1)} s\n`,
        );
        const onSqlite = createDb(`file:${file}`);
        const onPostgres = createDb(url);
        try {
          for (const query of QUERIES) {
            const request = { q: query.q, sort: query.sort, limit: 20 };
            const [a, b] = [await searchClaims(onSqlite, request), await searchClaims(onPostgres, request)];
            const matches = (p: typeof a) => `${p.totalIsCapped ? ">" : ""}${p.total.toLocaleString("en")}`;
            const [sqliteTiming, postgresTiming] = await measureInTurns(
              [() => searchClaims(onSqlite, request), () => searchClaims(onPostgres, request)],
              { runs, budgetMs: claims >= 1_000_000 ? 20_000 : 8_000 },
            );
            rows.push({
              claims,
              name: query.name,
              q: query.q,
              sort: `${a.sort}/${b.sort}`,
              matches: `${matches(a)}/${matches(b)}`,
              sqlite: sqliteTiming,
              postgres: postgresTiming,
            });
            process.stderr.write(
              `    ${query.name}: SQLite p50 ${sqliteTiming.p50.toFixed(2)} ms, PostgreSQL p50 ${postgresTiming.p50.toFixed(2)} ms\n`,
            );
          }
        } finally {
          await onSqlite.$disconnect();
          await onPostgres.$disconnect();
        }
      } finally {
        sqlite.close();
        fs.rmSync(dir, { recursive: true, force: true });
        await adminQuery(server.url, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      }
    }
  } finally {
    server.stop();
  }
  const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
  printTable(
    rows.map((r) => ({
      claims: r.claims.toLocaleString("en"),
      query: r.name,
      q: r.q,
      "sort s/p": r.sort,
      "matches s/p": r.matches,
      "sqlite p50": ms(r.sqlite.p50),
      "sqlite p95": ms(r.sqlite.p95),
      "pg p50": ms(r.postgres.p50),
      "pg p95": ms(r.postgres.p95),
      "pg/sqlite p50": `${(r.postgres.p50 / r.sqlite.p50).toFixed(1)}x`,
      runs: String(r.sqlite.runs),
    })),
  );
  console.log(
    `\nTimes in ms: searchClaims() through Prisma, first page of 20, same corpus and queries on both engines, timed in turns.` +
      `\nMachine: ${os.cpus().length} cores; 1-minute load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after.`,
  );
  console.log(
    JSON.stringify({
      bench: "search-postgres",
      unit: "ms",
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        loadAverage: { before: loadBefore, after: os.loadavg()[0] },
      },
      loads,
      queries: rows,
    }),
  );
}
