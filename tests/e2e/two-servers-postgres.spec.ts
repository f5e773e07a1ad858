import { expect, test } from "@playwright/test";
import pg from "pg";
import { type AppServer, ensureBuild, findFreePort, prepareDatabase, startAppServer } from "../support/app-server";
import { attemptSignInOverHttp, signInOverHttp } from "../support/http-session";
import { adminQuery, ensureTestServer, type TestServer, withDatabase } from "../support/postgres/test-server";
import { ensureAccount } from "./fixtures/accounts";

// Two production servers (`next start`) on one PostgreSQL database: nothing that must be
// shared lives in a process. A tag written through A is seen through B, a stale edit through
// B after an edit through A gets the conflict, sessions signed by either work on both (the
// signing secret is in the database), and sign-in failures counted on one count on the other. PostgreSQL: 127.0.0.1:5432 or CLAIMBOOK_TEST_PG_URL,
// else a throwaway cluster, as the unit tests' harness does.
const ANA = { email: "ana@example.test", name: "Ana", role: "reviewer" as const, password: "ana password 12" };
const BEN = { email: "ben@example.test", name: "Ben", role: "reviewer" as const, password: "ben password 12" };

test("two app servers share one PostgreSQL database", async () => {
  test.setTimeout(600_000);
  let pgServer: TestServer | undefined;
  const servers: AppServer[] = [];
  const database = `claimbook_e2e_${process.pid}`;
  try {
    pgServer = await ensureTestServer();
    const url = withDatabase(pgServer.url, database);
    await adminQuery(
      pgServer.url,
      `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`,
      `CREATE DATABASE "${database}"`,
    );
    prepareDatabase(url);
    // Through the CLI and plain SQL: lib/db is server-only and stays out of Playwright's process.
    for (const account of [ANA, BEN]) ensureAccount(account, url);
    const sql = new pg.Client({ connectionString: url });
    await sql.connect();
    const {
      rows: [claim],
    } = await sql.query<{ id: string; version: number; slug: string }>(
      `SELECT c."id", c."version", d."slug" FROM "Claim" c JOIN "Document" d ON d."id" = c."documentId" ORDER BY c."id" LIMIT 1`,
    );
    await sql.end();

    ensureBuild(["/api/claims", "/api/claims/[id]", "/api/claims/[id]/tags", "/api/events"]);
    for (const port of [await findFreePort(), await findFreePort()]) servers.push(await startAppServer(url, port));
    const [a, b] = servers;
    const anaOnA = await signInOverHttp(a.base, ANA.email, ANA.password);
    const benOnB = await signInOverHttp(b.base, BEN.email, BEN.password);
    const send = (server: AppServer, cookie: string, method: string, route: string, body?: unknown) =>
      fetch(`${server.base}${route}`, {
        method,
        headers: { "content-type": "application/json", cookie },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    // Ben follows the document live on B (the page's event stream).
    const stream = await fetch(`${b.base}/api/events?document=${encodeURIComponent(claim.slug)}`, {
      headers: { cookie: benOnB },
    });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let heard = "";
    const heardOfClaim = (async () => {
      while (!heard.includes(`"claimId":"${claim.id}"`)) {
        const { value, done } = await reader.read();
        if (done) return false;
        heard += decoder.decode(value, { stream: true });
      }
      return true;
    })();

    // Ana tags on A; Ben's search on B finds her tag at once.
    expect((await send(a, anaOnA, "PUT", `/api/claims/${claim.id}/tags`, { tag: "opinion" })).status).toBe(200);
    // ...and the change reaches Ben's stream on the other server within 2 s (PostgreSQL NOTIFY).
    const inTime = await Promise.race([heardOfClaim, new Promise<false>((r) => setTimeout(() => r(false), 2000))]);
    await reader.cancel();
    expect(inTime, `Ben's stream on B heard: ${heard.slice(0, 500)}`).toBe(true);
    expect(heard).toContain("event: change");
    expect(heard).toContain('"kind":"claim.tags"');
    const found = await send(
      b,
      benOnB,
      "GET",
      `/api/claims?q=${encodeURIComponent(`reviewer:${ANA.email} tag:opinion`)}`,
    );
    expect(found.status).toBe(200);
    expect(((await found.json()) as { hits: { claimId: string }[] }).hits.map((h) => h.claimId)).toEqual([claim.id]);

    // Ana edits through A; Ben's edit of the version he read, through B, is refused with the newer claim.
    const edited = await send(a, anaOnA, "PATCH", `/api/claims/${claim.id}`, {
      version: claim.version,
      status: "accepted",
    });
    expect(edited.status).toBe(200);
    const stale = await send(b, benOnB, "PATCH", `/api/claims/${claim.id}`, {
      version: claim.version,
      status: "disputed",
    });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(await stale.json())).toContain("accepted");

    // A session signed by A is good on B: the secret is shared through the database.
    const crossed = await send(b, anaOnA, "PATCH", `/api/claims/${claim.id}`, {
      version: claim.version + 1,
      status: "disputed",
    });
    expect(crossed.status).toBe(200);

    // Sign-in failures counted on A are counted on B (the limits live in the database): after
    // five wrong passwords for Ben through A, his right password through B is refused too.
    for (let i = 0; i < 5; i++) {
      expect((await attemptSignInOverHttp(a.base, BEN.email, `wrong password ${i}`)).cookie).toBeNull();
    }
    const refused = await attemptSignInOverHttp(b.base, BEN.email, BEN.password);
    expect(refused.cookie).toBeNull();
    expect(new URL(refused.location ?? "/", b.base).searchParams.get("error")).toContain("Too many sign-in attempts");
  } finally {
    for (const server of servers) await server.kill();
    if (pgServer) {
      await adminQuery(pgServer.url, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      pgServer.stop();
    }
  }
});
