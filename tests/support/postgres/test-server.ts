import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

/**
 * The PostgreSQL server the tests use: CLAIMBOOK_TEST_PG_URL (default: the machine's server at
 * 127.0.0.1:5432, user postgres, trust authentication), or, when nothing answers there, a
 * throwaway cluster started by throwaway-cluster.sh and stopped afterwards.
 */

export const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** True when the tests were asked to run on PostgreSQL (`npm run test:pg`). */
export function testEngineIsPostgres(): boolean {
  return process.env.CLAIMBOOK_TEST_ENGINE === "postgres";
}

/** A URL on the same server with another database name. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestServer {
  /** An admin connection URL (database "postgres"). */
  url: string;
  /** Stops the server when the harness started it; a no-op for a server that was already there. */
  stop(): void;
}

const SCRIPT = path.join("tests", "support", "postgres", "throwaway-cluster.sh");

export async function ensureTestServer(): Promise<TestServer> {
  const wanted = process.env.CLAIMBOOK_TEST_PG_URL || DEFAULT_SERVER_URL;
  if (await answers(wanted)) return { url: wanted, stop: () => {} };
  if (process.env.CLAIMBOOK_TEST_PG_URL) throw new Error(`CLAIMBOOK_TEST_PG_URL (${wanted}) does not answer.`);
  const [dir, port] = execFileSync("bash", [SCRIPT, "start"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split(" ");
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  if (!(await answers(url)))
    throw new Error(`The throwaway PostgreSQL cluster in ${dir} does not answer on port ${port}.`);
  return { url, stop: () => execFileSync("bash", [SCRIPT, "stop", dir], { stdio: "inherit" }) };
}

/** Runs statements on the admin database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(serverUrl: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}
