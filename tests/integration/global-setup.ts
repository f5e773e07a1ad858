import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { adminQuery, ensureTestServer, testEngineIsPostgres } from "../support/postgres/test-server";
import { buildTemplates } from "./helpers/template-databases";

/**
 * Builds the template databases once per run; the test files copy them (helpers/test-database.ts).
 * Under `npm run test:pg` they are PostgreSQL databases on a server found or started here
 * (127.0.0.1:5432, CLAIMBOOK_TEST_PG_URL, or a throwaway cluster); the workers learn the
 * server from the environment, which they inherit, and every database of the run is dropped.
 */
export default async function setup(project: TestProject) {
  if (testEngineIsPostgres()) {
    const server = await ensureTestServer();
    const run = `${process.pid}_${randomBytes(3).toString("hex")}`;
    process.env.CLAIMBOOK_TEST_PG_SERVER = server.url;
    process.env.CLAIMBOOK_TEST_PG_RUN = run;
    project.provide("templateDatabases", await buildTemplates(""));
    return async () => {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2",
        [`claimbook_t_${run}_%`, `claimbook_tpl_${run}_%`],
      );
      await client.end();
      await adminQuery(server.url, ...rows.map((r) => `DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`));
      server.stop();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-templates-"));
  project.provide("templateDatabases", await buildTemplates(dir));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
