import { randomBytes } from "node:crypto";
import { migratePostgres } from "@/lib/db/postgres/migrate";
import { adminQuery, ensureTestServer, testEngineIsPostgres, withDatabase } from "@/tests/support/postgres/test-server";

/**
 * Vitest global setup for `npm run test:pg`: finds (or starts) a PostgreSQL server and
 * migrates one template database; each test database is a copy of it (CREATE DATABASE …
 * TEMPLATE, far faster than migrating each), created and dropped by test-database.ts.
 * The workers learn the server and template from the environment, which they inherit.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (!testEngineIsPostgres()) return undefined;
  const server = await ensureTestServer();
  const run = `${process.pid}_${randomBytes(3).toString("hex")}`;
  const template = `claimbook_tpl_${run}`;
  await adminQuery(server.url, `CREATE DATABASE "${template}" TEMPLATE template0 ENCODING 'UTF8'`);
  await migratePostgres(withDatabase(server.url, template));
  process.env.CLAIMBOOK_TEST_PG_SERVER = server.url;
  process.env.CLAIMBOOK_TEST_PG_TEMPLATE = template;
  process.env.CLAIMBOOK_TEST_PG_RUN = run;
  return async () => {
    // Test databases a crashed worker left behind, then the template.
    const leftovers = await listDatabases(server.url, `claimbook_t_${run}_%`);
    await adminQuery(
      server.url,
      ...leftovers.map((d) => `DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`),
      `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`,
    );
    server.stop();
  };
}

async function listDatabases(serverUrl: string, like: string): Promise<string[]> {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      like,
    ]);
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}
